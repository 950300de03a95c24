// The shared guard of the three YAML features: which texts are worth parsing at all.
import { MAX_INTERACTIVE_LENGTH } from '../json-context';

export { mayHoldOkg } from '../../engine/manifest';

export function tooLargeForYaml(text: string): boolean {
  return text.length > MAX_INTERACTIVE_LENGTH;
}
