// One Content-Security-Policy for the wizard's page, in the desktop app and in browser mode: only the
// app's own scripts, no remote origin, no plugins, no framing. Styles may be inline because MUI's styling
// engine (Emotion) writes <style> elements at run time.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
