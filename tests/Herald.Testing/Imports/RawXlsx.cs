using System.IO.Compression;
using System.Security;
using System.Text;

namespace Herald.Testing.Imports;

/// <summary>
/// Writes minimal .xlsx packages by hand, part by part: workbooks of inline-string sheets, and zip bombs whose one
/// sheet inflates to many MB while the file stays a few hundred KB. <see cref="LieAboutSize"/> rewrites a sheet's
/// declared uncompressed size.
/// </summary>
public static class RawXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>A workbook of the given sheets; every cell is an inline string.</summary>
    public static byte[] Workbook(params (string Name, string[][] Rows)[] sheets) =>
        Package(sheets.Select(s => s.Name).ToList(), (index, stream) =>
        {
            Write(stream, SheetStart);
            foreach (var row in sheets[index].Rows)
            {
                Write(stream, "<row>" + string.Concat(row.Select(c => $"<c t=\"inlineStr\"><is><t>{SecurityElement.Escape(c)}</t></is></c>")) + "</row>");
            }

            Write(stream, SheetEnd);
        });

    /// <summary>A one-sheet workbook whose sheet XML is <paramref name="sheetBytes"/> of one repeated row.</summary>
    public static byte[] Bomb(long sheetBytes, string row = "<row><c t=\"inlineStr\"><is><t>@alice_b</t></is></c></row>") =>
        Package(["Bomb"], (_, stream) =>
        {
            Write(stream, SheetStart);
            var rowBytes = Encoding.UTF8.GetBytes(row);
            var block = new byte[rowBytes.Length * 4096];
            for (var i = 0; i < 4096; i++)
            {
                rowBytes.CopyTo(block, i * rowBytes.Length);
            }

            for (long written = 0; written < sheetBytes; written += block.Length)
            {
                stream.Write(block);
            }

            Write(stream, SheetEnd);
        });

    /// <summary>Sets the first sheet's uncompressed size in its local and central headers to <paramref name="declared"/>.</summary>
    public static byte[] LieAboutSize(byte[] zip, uint declared)
    {
        var copy = (byte[])zip.Clone();
        var name = Encoding.ASCII.GetBytes(SheetPath(0));
        for (var i = 0; i + 46 < copy.Length; i++)
        {
            var (nameAt, sizeAt) = BitConverter.ToUInt32(copy, i) switch
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

    private static string SheetStart => $"{Head}<worksheet xmlns=\"{Main}\"><sheetData>";

    private static string SheetEnd => "</sheetData></worksheet>";

    private static string SheetPath(int index) => $"xl/worksheets/sheet{index + 1}.xml";

    private static byte[] Package(IReadOnlyList<string> names, Action<int, Stream> writeSheet)
    {
        var ids = Enumerable.Range(0, names.Count).ToList();
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", $"{Head}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + string.Concat(ids.Select(i => $"<Override PartName=\"/{SheetPath(i)}\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
                + "</Types>");
            Add(zip, "_rels/.rels", $"{Head}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", $"{Head}<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>"
                + string.Concat(ids.Select(i => $"<sheet name=\"{SecurityElement.Escape(names[i])}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))
                + "</sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", $"{Head}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + string.Concat(ids.Select(i => $"<Relationship Id=\"rId{i + 1}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
                + "</Relationships>");
            foreach (var i in ids)
            {
                using var sheet = zip.CreateEntry(SheetPath(i), CompressionLevel.SmallestSize).Open();
                writeSheet(i, sheet);
            }
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string path, string text)
    {
        using var entry = zip.CreateEntry(path).Open();
        Write(entry, text);
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));
}
