// Light and dark, following the system. Status colours are darker (light) or lighter (dark) than MUI's
// defaults so that text on them meets WCAG AA contrast (4.5:1), and the focus is always a visible outline:
// MUI's own controls (buttons, accordion summaries, switches, step buttons: ButtonBase, whose reset says
// `outline: 0` and would beat a global :focus-visible) take the theme's focus ring, 3 px in each scheme's
// primary colour (3:1 and more against its background), inset where an ancestor could clip it; everything
// else takes the same ring from :focus-visible. Buttons keep their words as written (no capitals: "Move the
// cache to D:\MARS Cache", never "D:\MARS CACHE"), and text wraps anywhere a long word or path would
// otherwise run off a narrow window. The direction follows the language (LANGUAGE_DIRECTION); the layout
// itself uses logical properties (paddingInlineStart, textAlign 'start'), so a right-to-left language needs
// no change here.
import { createTheme } from '@mui/material/styles';

/** The theme for a script direction. */
export const themeFor = (direction: 'ltr' | 'rtl') =>
  createTheme({
    direction,
    colorSchemes: {
      light: {
        palette: {
          contrastThreshold: 4.5,
          error: { main: '#b71c1c' },
          warning: { main: '#8a4500' },
          info: { main: '#01579b' },
          success: { main: '#1b5e20' },
        },
      },
      dark: {
        palette: {
          contrastThreshold: 4.5,
          error: { main: '#ff8a80' },
          warning: { main: '#ffb74d' },
          info: { main: '#81d4fa' },
          success: { main: '#a5d6a7' },
        },
      },
    },
    focusVisible: { outlineWidth: 3, outlineOffset: 2 },
    typography: { fontSize: 15, button: { textTransform: 'none' } },
    components: {
      MuiCssBaseline: {
        styleOverrides: (theme) => ({
          ':focus-visible': { outline: `3px solid ${theme.palette.primary.main}`, outlineOffset: '2px' },
          body: { overflowWrap: 'anywhere' },
        }),
      },
    },
  });

export const theme = themeFor('ltr');
