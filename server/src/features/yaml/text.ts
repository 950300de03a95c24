// The shared guard of the three YAML features: which texts are worth parsing at all.
import { MAX_YAML_LENGTH } from '../limits';

export { mayHoldOkg } from '../../engine/internal';

export function tooLargeForYaml(text: string): boolean {
  return text.length > MAX_YAML_LENGTH;
}
