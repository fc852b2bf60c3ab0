import type { Rule } from 'eslint';

export declare const LAYERS: ReadonlyArray<{
  layer: string;
  allow: string[];
  dom?: boolean;
  pure?: boolean;
  noElectron?: boolean;
}>;
export declare function layerOf(relPath: string): (typeof LAYERS)[number] | undefined;
export declare const layerImports: Rule.RuleModule;
declare const plugin: { rules: { 'layer-imports': Rule.RuleModule } };
export default plugin;
