import { themeKindOf } from './useOfficeTheme';

describe('themeKindOf', () => {
  it('is dark for a dark body background and light for a light one', () => {
    expect(themeKindOf({ context: { officeTheme: { bodyBackgroundColor: '#262626' } } })).toBe('dark');
    expect(themeKindOf({ context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } })).toBe('light');
    expect(themeKindOf({ context: { officeTheme: { bodyBackgroundColor: '#E6E6E6' } } })).toBe('light');
  });
  it('is light when officeTheme is absent or malformed', () => {
    expect(themeKindOf(undefined)).toBe('light');
    expect(themeKindOf({ context: {} })).toBe('light');
    expect(themeKindOf({ context: { officeTheme: null } })).toBe('light');
    expect(themeKindOf({ context: { officeTheme: { bodyBackgroundColor: 'dark' } } })).toBe('light');
  });
});
