import type { MenuItemConstructorOptions, Menu } from 'electron';
import type { ProfileView } from '../ipc/contract.ts';
import { trayMenuTemplate, trayModel, type TrayAction, type TrayContext, type TrayHealth } from './tray-menu.ts';

/** The part of Electron's Tray the controller sets, with the menu type its builder makes (Electron's Menu, or the stand-in's). */
export interface TrayIcon<M = Menu> {
  setContextMenu(menu: M): void;
  setToolTip(toolTip: string): void;
  setImage(image: string): void;
  setTitle(title: string): void;
}

/** What the controller needs of Electron: the tray, a menu builder and the icon files by health. */
export interface TrayParts<M = Menu> {
  tray: TrayIcon<M>;
  buildMenu: (template: MenuItemConstructorOptions[]) => M;
  icons: Record<TrayHealth, string>;
  run: (action: TrayAction) => void;
}

/** Keeps the tray's icon, tooltip and menu in step with the profiles, rebuilding only when the model changed. */
export class TrayController<M = Menu> {
  private readonly parts: TrayParts<M>;
  private lastMenu = '';
  private lastHealth: TrayHealth | undefined;
  private lastTooltip = '';
  private icons: Record<TrayHealth, string>;
  private titleTimer: NodeJS.Timeout | undefined;

  constructor(parts: TrayParts<M>) {
    this.parts = parts;
    this.icons = parts.icons;
  }

  /** Swaps the icon set (the panel's theme changed) and shows the current state's icon from it. */
  setIcons(icons: Record<TrayHealth, string>): void {
    const shown = this.lastHealth && this.icons[this.lastHealth];
    this.icons = icons;
    if (this.lastHealth && icons[this.lastHealth] !== shown) this.parts.tray.setImage(icons[this.lastHealth]);
  }

  /** Says something briefly in the tooltip (the feedback of a tray action where notifications are off); the next show() restores it. */
  flash(message: string): void {
    this.lastTooltip = message;
    this.parts.tray.setToolTip(message);
  }

  /**
   * macOS: shows `text` beside the icon in the menu bar for `ms` (Tray.setTitle, macOS only), the feedback that stays
   * visible where notifications are dropped. A later flash replaces an earlier one.
   */
  flashTitle(text: string, ms = 5_000): void {
    clearTimeout(this.titleTimer);
    this.parts.tray.setTitle(text);
    this.titleTimer = setTimeout(() => this.parts.tray.setTitle(''), ms);
    this.titleTimer.unref?.();
  }

  /** Shows the profiles as of `now` (or a problem reading them); answers whether the menu was rebuilt. */
  show(profiles: ProfileView[], now: number, problem?: string, context?: TrayContext): boolean {
    const model = trayModel(profiles, now, problem, context);
    if (model.health !== this.lastHealth) this.parts.tray.setImage(this.icons[model.health]);
    if (model.tooltip !== this.lastTooltip) this.parts.tray.setToolTip(model.tooltip);
    this.lastHealth = model.health;
    this.lastTooltip = model.tooltip;
    const signature = JSON.stringify(model.items);
    if (signature === this.lastMenu) return false;
    this.lastMenu = signature;
    this.parts.tray.setContextMenu(this.parts.buildMenu(trayMenuTemplate(model, this.parts.run)));
    return true;
  }
}
