// ctm token --clip on Wayland (wl-clipboard under headless sway): the suite is in clip-kit.ts.
import { describeClip, WAYLAND } from './clip-kit.ts';

describeClip(WAYLAND);
