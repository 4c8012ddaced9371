import qrcode from 'qrcode-generator';

/**
 * A printable QR code of a link as a small SVG: one path of dark modules on white with the standard quiet
 * zone of four modules, scalable to any print size, no script and no style (the page CSP allows neither).
 * @example waveQrSvg('https://observatory.example.org/s/cork/Ab3dE5gH7j').startsWith('<svg') // true
 */
export function waveQrSvg(url: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(url);
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  const size = count + 2 * quiet;
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges" role="img" aria-label="${url.replace(/[<>&"]/g, '')}"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
