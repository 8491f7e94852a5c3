import { renderSVG } from 'uqr';

/** An otpauth:// URI as a QR code, as an SVG data: URL (the CSP allows images from data: only). */
export function qrCodeDataUrl(text: string): string {
  const svg = renderSVG(text, { border: 2, whiteColor: '#ffffff', blackColor: '#000000' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
