import packageJson from '../../package.json' with { type: 'json' };

/** The version `ctm --version` prints: the package's, inlined by the bundler (the bin has no package.json beside it). */
export const CTM_VERSION: string = packageJson.version;
