// electron-builder configuration for `npm run dist` (electron-builder 26). Builds for the current platform:
// Linux AppImage + deb, macOS dmg + zip (hardened runtime, entitlements below), Windows NSIS.
// The fuses of the hardening issue are flipped on the packed Electron binary after packing.

/* global module */
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.cognito-token-manager.app',
  productName: 'Cognito Token Manager',
  copyright: 'Copyright © 2026 Cognito Token Manager contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // Artifact names from the package name (no spaces: "${productName}" would give "Cognito Token Manager Setup 0.1.0.exe").
  artifactName: '${name}-${version}-${os}-${arch}.${ext}',
  // Only the built app and package.json: no sources, tests or tooling. The one runtime dependency, keytar (a native
  // module, so it cannot be bundled), is added by electron-builder from package.json's "dependencies"; zod, jose
  // and uqr are bundled into out/ by build/bundle.ts, so they are dev dependencies.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'out/icons/**',
    'package.json',
    '!**/*.map',
    '!out/electronegativity.csv',
  ],
  // The app's entry, written into the packed package.json: the project's own names no "main", because npm always packs
  // the file "main" names and the npm package (ctm) leaves the Electron bundle out (build/dev-app-manifest.ts).
  extraMetadata: { main: 'out/main/index.cjs' },
  asar: true,
  // A native module cannot be loaded from inside the asar archive: keytar's .node goes next to it.
  asarUnpack: ['**/node_modules/keytar/**/*.node'],
  // The `ctm` launchers (build/bin): outside the archive, in <resources>/bin, where the deb links /usr/bin/ctm to,
  // the macOS menu links /usr/local/bin/ctm to, and the Windows installer adds to PATH. They run the app's own
  // binary with --ctm-cli, so runAsNode stays off (README, "ctm from the installed app").
  extraResources: [{ from: 'build/bin', to: 'bin', filter: ['ctm', 'ctm.cmd'] }],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // Flipping fuses changes the binary and voids its ad-hoc signature; an unsigned Apple Silicon build with a void
    // signature is killed at launch. This re-signs it ad hoc (https://github.com/electron/fuses#apple-silicon).
    resetAdHocDarwinSignature: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/icons-linux',
    synopsis: 'Amazon Cognito user-pool tokens at hand',
    maintainer: 'Cognito Token Manager contributors <maintainers@cognito-token-manager.dev>',
    executableName: 'cognito-token-manager',
    // The installed .desktop file is named after package.json's desktopName, which Electron makes the Wayland app id
    // and WM_CLASS (lib/browser/init.ts): the shell matches the window to the entry and shows its icon.
    syncDesktopName: true,
  },
  deb: {
    artifactName: '${name}_${version}_${arch}.${ext}',
    // Setting depends replaces electron-builder's list, so it is electron-builder 26's default (FpmTarget
    // getDefaultDepends) plus what Electron 45's binary links and the default omits, as VS Code's
    // build/linux/debian/dep-lists.ts lists them (libgbm1, libasound2, libdrm2, libxkbcommon0 and the X and GTK parts);
    // Ubuntu 24.04 renamed some for 64-bit time (libasound2t64). keytar talks to the Secret Service through libsecret.
    depends: [
      'libgtk-3-0t64 | libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0t64 | libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
      'libasound2t64 | libasound2',
      'libdrm2',
      'libxkbcommon0',
      'libxcomposite1',
      'libxdamage1',
      'libxrandr2',
      'libxfixes3',
      'libxext6',
      'libx11-6',
      'libxcb1',
      'libnspr4',
      'libpango-1.0-0',
      'libcairo2',
      'libdbus-1-3',
      'libexpat1',
      'libatk-bridge2.0-0t64 | libatk-bridge2.0-0',
      'libcups2t64 | libcups2',
      'ca-certificates',
    ],
    // keytar needs a running Secret Service (org.freedesktop.secrets) to store anything; wl-clipboard makes tray and
    // shortcut copies land on Wayland (main/electron/clipboard-route.ts). Recommended, so apt installs them by default.
    recommends: ['gnome-keyring', 'wl-clipboard'],
    // electron-builder's own scripts (the AppArmor profile for Ubuntu 24.04 included) plus the /usr/bin/ctm link.
    afterInstall: 'build/linux/after-install.sh',
    afterRemove: 'build/linux/after-remove.sh',
  },
  mac: {
    target: ['dmg', 'zip'],
    category: 'public.app-category.developer-tools',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  dmg: { sign: false, artifactName: '${name}-${version}-${arch}.${ext}' },
  win: {
    target: ['nsis'],
    icon: 'build/icon.ico',
  },
  // installer.nsh puts the ctm launcher's folder on the user's PATH (and takes it off on uninstall).
  nsis: {
    artifactName: '${name}-setup-${version}-${arch}.${ext}',
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    include: 'build/installer.nsh',
  },
};
