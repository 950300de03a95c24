// Reads an Argo Workflow or WorkflowTemplate as Argo runs it, so a test runs what the YAML says:
// the entrypoint's steps in order (each inner list at the same time), and for each step its
// container's command and args (or its suspend's duration) with the {{...}} tags replaced as Argo
// replaces simple tags, from the global parameters (spec.arguments, with the submitted values) and
// the template's inputs (the step's arguments, else the input's own value). Only what the examples
// use is supported: anything else (expression tags, nested steps, a parameter without a value)
// throws, naming the step and the reason.

export interface StepCommand {
  /** The step's name in the workflow. */
  name: string;
  /** The template it runs. */
  template: string;
  /** A container template's image and its command followed by its args. */
  container?: { image: string; argv: string[] };
  /** A suspend template's duration, as written (seconds, or a Go duration). */
  suspend?: string;
}

const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);

/** `text` with every `{{name}}` replaced from `vars`; `where` names the place in errors. */
export function substitute(text: string, vars: ReadonlyMap<string, string>, where: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) return out + text.slice(at);
    const close = text.indexOf('}}', open + 2);
    if (close < 0) throw new Error(`${where}: "{{" without a closing "}}" in ${JSON.stringify(text)}`);
    const tag = text.slice(open + 2, close).trim();
    if (tag.startsWith('=')) throw new Error(`${where}: the expression tag {{${tag}}} is not supported here`);
    const value = vars.get(tag);
    if (value === undefined) throw new Error(`${where}: {{${tag}}} names no parameter (known: ${[...vars.keys()].join(', ')})`);
    out += text.slice(at, open) + value;
    at = close + 2;
  }
}

/** spec.arguments.parameters with the submitted values, as `workflow.parameters.NAME`. */
function globals(wf: any, submitted: Readonly<Record<string, string>>): Map<string, string> {
  const declared = list(wf.spec?.arguments?.parameters);
  const names = new Set(declared.map((p) => p?.name));
  const unknown = Object.keys(submitted).filter((n) => !names.has(n));
  if (unknown.length) throw new Error(`submitted parameters the workflow does not declare: ${unknown.join(', ')}`);
  const vars = new Map<string, string>();
  for (const p of declared) {
    const value = submitted[p.name] ?? p.value;
    if (typeof value !== 'string') throw new Error(`workflow parameter ${p.name} has no value: submit it`);
    vars.set(`workflow.parameters.${p.name}`, value);
  }
  return vars;
}

/** The steps of the entrypoint, group by group, with their commands resolved. */
export function stepCommands(wf: any, submitted: Readonly<Record<string, string>> = {}): StepCommand[][] {
  const templates = new Map<string, any>(list(wf.spec?.templates).map((t) => [t?.name, t]));
  const entry = templates.get(wf.spec?.entrypoint);
  if (!entry) throw new Error(`the entrypoint ${JSON.stringify(wf.spec?.entrypoint)} names no template`);
  if (!Array.isArray(entry.steps)) throw new Error(`the entrypoint template ${entry.name} has no steps`);
  const vars = globals(wf, submitted);
  return entry.steps.map((group: unknown) =>
    list(group).map((step: any): StepCommand => {
      const where = `step ${step?.name}`;
      const tpl = templates.get(step?.template);
      if (!tpl) throw new Error(`${where}: template ${JSON.stringify(step?.template)} does not exist`);
      if (!tpl.container && !tpl.suspend) throw new Error(`${where}: template ${tpl.name} is neither a container nor a suspend template`);
      const given = new Map<string, unknown>(list(step.arguments?.parameters).map((p) => [p?.name, p?.value]));
      const scope = new Map(vars);
      for (const input of list(tpl.inputs?.parameters)) {
        const raw = given.get(input.name) ?? input.value;
        if (typeof raw !== 'string') throw new Error(`${where}: input ${input.name} of template ${tpl.name} gets no value`);
        scope.set(`inputs.parameters.${input.name}`, substitute(raw, vars, `${where}, argument ${input.name}`));
      }
      const extra = [...given.keys()].filter((n) => !list(tpl.inputs?.parameters).some((p) => p?.name === n));
      if (extra.length) throw new Error(`${where}: template ${tpl.name} has no input ${extra.join(', ')}`);
      if (tpl.suspend) return { name: step.name, template: tpl.name, suspend: substitute(String(tpl.suspend.duration ?? ''), scope, `${where}, duration`) };
      const c = tpl.container;
      const argv = [...list(c.command), ...list(c.args)].map((a, i) => substitute(String(a), scope, `${where}, argv[${i}]`));
      return { name: step.name, template: tpl.name, container: { image: substitute(String(c.image), scope, `${where}, image`), argv } };
    }),
  );
}
