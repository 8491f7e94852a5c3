// ctm token --clip on X11 (xclip under Xvfb): the suite is in clip-kit.ts.
import { describeClip, X11 } from './clip-kit.ts';

describeClip(X11);
