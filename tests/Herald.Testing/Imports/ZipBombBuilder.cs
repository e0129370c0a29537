using System.IO.Compression;
using System.Text;

namespace Herald.Testing.Imports;

/// <summary>
/// Builds a minimal .xlsx in memory whose one sheet inflates to <c>sheetBytes</c> of repeated rows: a zip bomb that
/// stays a few hundred KB on the wire. <see cref="LieAboutSize"/> rewrites the sheet's declared uncompressed size.
/// </summary>
public static class ZipBombBuilder
{
    private const string SheetPath = "xl/worksheets/sheet1.xml";

    public static byte[] Build(long sheetBytes, string row = "<row><c t=\"inlineStr\"><is><t>@alice_b</t></is></c></row>")
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Add(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bomb" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Add(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """);

            using var sheet = zip.CreateEntry(SheetPath, CompressionLevel.SmallestSize).Open();
            Write(sheet, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            var rowBytes = Encoding.UTF8.GetBytes(row);
            var block = new byte[rowBytes.Length * 4096];
            for (var i = 0; i < 4096; i++)
            {
                rowBytes.CopyTo(block, i * rowBytes.Length);
            }

            for (long written = 0; written < sheetBytes; written += block.Length)
            {
                sheet.Write(block);
            }

            Write(sheet, "</sheetData></worksheet>");
        }

        return stream.ToArray();
    }

    /// <summary>Sets the sheet's uncompressed size in its local and central headers to <paramref name="declared"/>.</summary>
    public static byte[] LieAboutSize(byte[] zip, uint declared)
    {
        var copy = (byte[])zip.Clone();
        var name = Encoding.ASCII.GetBytes(SheetPath);
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            var signature = BitConverter.ToUInt32(copy, i);
            var (nameAt, sizeAt) = signature switch
            {
                0x04034b50 => (i + 30, i + 22),
                0x02014b50 => (i + 46, i + 24),
                _ => (-1, -1),
            };
            if (nameAt > 0 && copy.AsSpan(nameAt).StartsWith(name))
            {
                BitConverter.GetBytes(declared).CopyTo(copy, sizeAt);
            }
        }

        return copy;
    }

    private static void Add(ZipArchive zip, string path, string text)
    {
        using var entry = zip.CreateEntry(path).Open();
        Write(entry, text);
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
