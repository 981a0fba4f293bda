export declare const repoRoot: string;

export interface WorkspacePackage {
  /** Relative to the repository root, with `/`. */
  dir: string;
  name: string;
  /** It has a tsconfig.json, so `npm run build` compiles it. */
  tsconfig: boolean;
}

export declare function workspacePackages(root?: string): WorkspacePackage[];
