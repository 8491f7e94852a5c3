// A stand-in for Electron's Menu.buildFromTemplate that checks templates as Electron does (Electron cannot run here).
import type { Recorder } from './standin-app.ts';

/** Every role of Electron 45's MenuItem (https://www.electronjs.org/docs/latest/api/menu-item#roles). */
export const MENU_ROLES = new Set([
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleSpellChecker',
  'togglefullscreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'showSubstitutions',
  'toggleSmartQuotes',
  'toggleSmartDashes',
  'toggleTextReplacement',
  'startSpeaking',
  'stopSpeaking',
  'zoom',
  'front',
  'appMenu',
  'fileMenu',
  'editMenu',
  'viewMenu',
  'shareMenu',
  'recentDocuments',
  'toggleTabBar',
  'selectNextTab',
  'selectPreviousTab',
  'showAllTabs',
  'mergeAllWindows',
  'clearRecentDocuments',
  'moveTabToNewWindow',
  'windowMenu',
]);
/** MenuItem types (same page): header and palette exist on macOS 14+ only. */
const MENU_TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette']);

/** A built menu: its items, each with its click handler, so a test can click one by label. */
export interface StandInMenu {
  items: StandInMenuItem[];
}
/** One item of a built menu. */
export interface StandInMenuItem {
  label?: string;
  role?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: StandInMenu;
}

/**
 * Menu.buildFromTemplate: throws as Electron's lib/browser/api/menu.ts does for a template that is not an array or
 * an item with none of label, role or separator type, and as menu-item.ts does for an unknown type. An unknown
 * role Electron shows as a blank item; the stand-in throws instead, since that is always a mistake.
 */
export function buildFromTemplate(template: unknown): StandInMenu {
  if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
  const items = template.map((raw: unknown): StandInMenuItem => {
    const item = (raw ?? {}) as StandInMenuItem & { submenu?: unknown };
    if (typeof raw !== 'object' || raw === null || !('label' in item || 'role' in item || item.type === 'separator')) {
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    if (item.type !== undefined && !MENU_TYPES.has(item.type)) throw new Error(`Unknown menu item type: ${item.type}`);
    if (item.role !== undefined && !MENU_ROLES.has(item.role))
      throw new Error(`Unknown menu item role: ${item.role} (Electron would show a blank item)`);
    if (item.type === 'submenu' && item.submenu === undefined) throw new Error('Invalid submenu');
    return { ...item, submenu: item.submenu === undefined ? undefined : buildFromTemplate(item.submenu) };
  });
  return { items };
}

/** Every item of a menu and its submenus, depth first. */
export function allItems(menu: StandInMenu | null | undefined): StandInMenuItem[] {
  return (menu?.items ?? []).flatMap((item) => [item, ...allItems(item.submenu)]);
}

/** Menu as the code sees it; the application menu starts as Electron's default one (which has Reload and Toggle Developer Tools). */
export function standInMenu(recorder: Recorder): {
  buildFromTemplate(template: unknown): StandInMenu;
  setApplicationMenu(menu: StandInMenu | null): void;
  applicationMenu: StandInMenu | null | 'default';
} {
  const menu = {
    applicationMenu: 'default' as StandInMenu | null | 'default',
    buildFromTemplate(template: unknown): StandInMenu {
      const built = buildFromTemplate(template);
      recorder.record(
        'Menu.buildFromTemplate',
        allItems(built).map((i) => i.role ?? i.label ?? i.type),
      );
      return built;
    },
    setApplicationMenu(value: StandInMenu | null): void {
      menu.applicationMenu = value;
      recorder.record(
        'Menu.setApplicationMenu',
        value === null ? null : allItems(value).map((i) => i.role ?? i.label ?? i.type),
      );
    },
  };
  return menu;
}
