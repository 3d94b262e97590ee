import { csvCell, resultsToCsv } from './poll-results-csv';

describe('csvCell', () => {
  it('quotes cells with quotes, commas or line breaks and doubles the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(58.3)).toBe('58.3');
  });

  it('defuses formula starts, then quotes as needed', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });
});

describe('resultsToCsv', () => {
  it('writes a header and one CRLF-terminated row per option', () => {
    const csv = resultsToCsv({
      pollId: '1',
      status: 'CLOSED',
      votesCount: 3,
      votersCount: 3,
      options: [
        { id: '1', text: 'Tabs', position: 0, votesCount: 2, percentage: 66.7 },
        { id: '2', text: 'Spaces, obviously', position: 1, votesCount: 1, percentage: 33.3 },
      ],
    });
    expect(csv).toBe('option,votes,percentage\r\nTabs,2,66.7\r\n"Spaces, obviously",1,33.3\r\n');
  });
});
