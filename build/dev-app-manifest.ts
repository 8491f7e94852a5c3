// `npm start` runs `electron out`: Electron opens a folder through its package.json (default_app/main.ts,
// loadApplicationPackage: name, productName, version and desktopName from it, then the file its "main" resolves to).
// The project's own package.json names no "main": npm always packs the file "main" names, and the npm package is ctm
// alone, without the Electron bundle. So the build writes this manifest into out/, and electron-builder gets the same
// entry from its configuration (build/electron-builder.config.cjs, extraMetadata.main).

/** The fields of package.json the development app's manifest copies. */
export interface ProjectManifest {
  name: string;
  productName: string;
  version: string;
  description?: string;
  desktopName?: string;
}

/** The Electron entry, relative to out/ (the folder `electron out` opens): the main-process bundle. */
export const DEV_APP_MAIN = 'main/index.cjs';

/** The package.json written to out/ so that `electron out` opens the app with the installed app's name and identity. */
export function devAppManifest(project: ProjectManifest): Record<string, string> {
  const { name, productName, version, description, desktopName } = project;
  return {
    name,
    productName,
    version,
    ...(description === undefined ? {} : { description }),
    ...(desktopName === undefined ? {} : { desktopName }),
    main: DEV_APP_MAIN,
  };
}
