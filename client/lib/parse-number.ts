// The number parser lives in core (core/imports/numbers.ts) since imports read spreadsheet cells
// by the same rules; forms keep importing it from here, with "1.234" answered 'ambiguous'.
export { parseNumber, type ParseNumberResult } from '../../core/imports/numbers.ts';
