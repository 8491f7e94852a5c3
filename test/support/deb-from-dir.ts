// Assembles the deb that `electron-builder --linux deb` would make, from its `--linux dir` output, with Debian's
// dpkg-deb: electron-builder hands that step to fpm, which it downloads at build time (not reachable here). The
// layout, control fields and maintainer scripts follow app-builder-lib's FpmTarget: the app folder in
// /opt/<sanitizedProductName>, icons in the hicolor theme, the .desktop entry named by getDesktopFileName(), the
// after-install/after-remove scripts with their ${...} macros filled in as writeConfigFile does.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the deb is built from: the electron-builder configuration and package.json, as the project has them. */
export interface DebSource {
  appDir: string;
  config: {
    productName: string;
    linux: {
      executableName: string;
      maintainer?: string;
      synopsis?: string;
      icon: string;
      syncDesktopName?: boolean;
      category?: string;
    };
    deb: { depends: string[]; recommends?: string[]; afterInstall: string; afterRemove: string };
  };
  manifest: {
    name: string;
    version: string;
    description: string;
    homepage?: string;
    desktopName?: string;
    author?: { name: string; email?: string };
  };
  root: string;
}

/** FpmTarget's bashSingleQuoteEscape: the values go inside single quotes in the scripts. */
const quoteForBash = (value: string): string => value.replace(/'/g, "'\\''");

/** Builds the .deb into `work` and answers its path; throws with what is missing, as FpmTarget.computeFpmMetaInfoOptions does. */
export function buildDeb(source: DebSource, work: string): string {
  const { config, manifest } = source;
  if (!manifest.homepage)
    throw new Error('Please specify project homepage, see https://www.electron.build/configuration#metadata');
  const maintainer =
    config.linux.maintainer ??
    (manifest.author?.email ? `${manifest.author.name} <${manifest.author.email}>` : undefined);
  if (!maintainer) throw new Error('Please specify author "email" in the application package.json');
  const sanitizedProductName = config.productName.replace(/[/\\?%*:|"<>]/g, '');
  const executable = config.linux.executableName;
  const tree = join(work, 'tree');
  const opt = join(tree, 'opt', sanitizedProductName);
  mkdirSync(opt, { recursive: true });
  cpSync(source.appDir, opt, { recursive: true, verbatimSymlinks: true });
  for (const icon of readdirSync(join(source.root, config.linux.icon))) {
    const size = /^(\d+x\d+)\.png$/.exec(icon)?.[1];
    if (!size) continue;
    mkdirSync(join(tree, 'usr/share/icons/hicolor', size, 'apps'), { recursive: true });
    cpSync(
      join(source.root, config.linux.icon, icon),
      join(tree, 'usr/share/icons/hicolor', size, 'apps', `${executable}.png`),
    );
  }
  const desktopFile =
    config.linux.syncDesktopName && manifest.desktopName ? manifest.desktopName.replace(/\.desktop$/, '') : executable;
  const wmClass = manifest.desktopName ? manifest.desktopName.replace(/\.desktop$/, '') : config.productName;
  mkdirSync(join(tree, 'usr/share/applications'), { recursive: true });
  writeFileSync(
    join(tree, 'usr/share/applications', `${desktopFile}.desktop`),
    [
      '[Desktop Entry]',
      `Name=${config.productName}`,
      `Exec="/opt/${sanitizedProductName}/${executable}" %U`,
      'Terminal=false',
      'Type=Application',
      `Icon=${executable}`,
      `StartupWMClass=${wmClass}`,
      `Comment=${manifest.description}`,
      `Categories=${config.linux.category ?? 'Utility'};`,
      '',
    ].join('\n'),
  );
  const macros = {
    executable: quoteForBash(executable),
    sanitizedProductName: quoteForBash(sanitizedProductName),
    productFilename: sanitizedProductName,
  };
  const fill = (file: string): string =>
    readFileSync(join(source.root, file), 'utf8').replace(/\$\{([a-zA-Z]+)\}/g, (whole, name: string) => {
      const value = (macros as Record<string, string>)[name];
      if (value === undefined) throw new Error(`unknown macro ${whole} in ${file}`);
      return value;
    });
  mkdirSync(join(tree, 'DEBIAN'));
  const arch = spawnSync('dpkg', ['--print-architecture'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(
    join(tree, 'DEBIAN/control'),
    [
      `Package: ${manifest.name}`,
      `Version: ${manifest.version}`,
      `Architecture: ${arch}`,
      `Maintainer: ${maintainer}`,
      `Homepage: ${manifest.homepage}`,
      `Depends: ${config.deb.depends.join(', ')}`,
      ...(config.deb.recommends ? [`Recommends: ${config.deb.recommends.join(', ')}`] : []),
      'Section: devel',
      'Priority: optional',
      `Description: ${config.linux.synopsis ?? manifest.description}`,
      ` ${manifest.description}`,
      '',
    ].join('\n'),
  );
  for (const [script, file] of [
    ['postinst', config.deb.afterInstall],
    ['postrm', config.deb.afterRemove],
  ] as const) {
    writeFileSync(join(tree, 'DEBIAN', script), fill(file));
    chmodSync(join(tree, 'DEBIAN', script), 0o755);
  }
  const deb = join(work, `${manifest.name}_${manifest.version}_${arch}.deb`);
  const built = spawnSync('dpkg-deb', ['--root-owner-group', '--build', tree, deb], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`dpkg-deb failed: ${built.stderr}`);
  return deb;
}
