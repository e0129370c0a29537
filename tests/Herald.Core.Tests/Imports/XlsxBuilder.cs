using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Herald.Core.Tests.Imports;

/// <summary>Builds a small .xlsx in memory: sheets of rows whose cells are strings (inline) or numbers (doubles).</summary>
internal sealed class XlsxBuilder
{
    private readonly List<(string Name, object?[][] Rows)> _sheets = [];

    public XlsxBuilder Sheet(string name, params object?[][] rows)
    {
        _sheets.Add((name, rows));
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (Cell(rows[r][c], $"{(char)('A' + c)}{r + 1}") is { } cell)
                        {
                            row.Append(cell);
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static Cell? Cell(object? value, string reference) => value switch
    {
        null => null,
        string s => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
        double d => new Cell { CellReference = reference, CellValue = new CellValue(d) },
        long l => new Cell { CellReference = reference, CellValue = new CellValue((double)l) },
        int i => new Cell { CellReference = reference, CellValue = new CellValue(i) },
        _ => throw new ArgumentException($"Unsupported cell value {value.GetType()}.", nameof(value)),
    };
}
