using System.Globalization;
using ChainMatch.Domain.Contacts;
using ChainMatch.Storage.Lists;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMatch.Storage;

/// <summary>
/// An uploaded CSV file (projects, contacts, interactions, promotion events) read as rows of cells named by the header.
/// The header must hold every required column, no column twice and none the file does not know; each cell is checked
/// against <see cref="Domain.TextRules"/>. The importer adds its own reasons to <see cref="Errors"/> through the rows
/// and throws them all at the end (<see cref="ThrowIfAny"/>), so a file is imported whole or not at all.
/// </summary>
public sealed class CsvRows
{
    /// <summary>Every problem found so far, header and rows.</summary>
    public List<RowError> Errors { get; } = [];

    /// <summary>The rows with at least one non-blank cell, in file order.</summary>
    public IReadOnlyList<Row> Rows { get; }

    readonly string[] _header;

    CsvRows(string[] header, List<string[]> fields, List<int> lines, bool unquote)
    {
        _header = header;
        Rows = [.. fields.Select((f, i) => new Row(this, lines[i], f, unquote))];
    }

    /// <summary>
    /// Reads the file; throws <see cref="ListImportException"/> when it is not text or its header is wrong (nothing else
    /// is worth reporting then). <paramref name="unquote"/> reads back a cell the exports kept from running as a formula
    /// (<c>'=…</c>) as it was before.
    /// </summary>
    public static CsvRows Read(byte[] content, IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, bool unquote = false)
    {
        using var reader = new StringReader(CsvText.Decode(content));
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectDelimiter = false });
        if (!csv.Read()) throw new ListImportException([new RowError(1, null, "the file is empty: a header line is required")]);
        var header = csv.Record!.Select(h => h.Trim()).ToArray();
        var errors = new List<RowError>();
        foreach (var h in header.Where(h => !required.Contains(h) && !optional.Contains(h)))
            errors.Add(new RowError(1, h, $"unknown column (expected: {string.Join(", ", required.Concat(optional))})"));
        foreach (var h in header.GroupBy(h => h).Where(g => g.Count() > 1)) errors.Add(new RowError(1, h.Key, "the column appears twice"));
        foreach (var r in required.Where(r => !header.Contains(r))) errors.Add(new RowError(1, r, "missing column"));
        if (errors.Count > 0) throw new ListImportException(errors);

        var rows = new List<string[]>();
        var lines = new List<int>();
        while (csv.Read())
        {
            var fields = csv.Record!;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(fields);
            // RawRow is the line the record ends on; a quoted cell may span lines, and the row is named by its first.
            lines.Add(csv.RawRow - fields.Sum(f => f.Count(c => c == '\n')));
        }
        var file = new CsvRows(header, rows, lines, unquote);
        foreach (var row in file.Rows) row.CheckText();
        return file;
    }

    /// <summary>Throws every error found, ordered by line, when there is one.</summary>
    public void ThrowIfAny()
    {
        if (Errors.Count > 0) throw new ListImportException([.. Errors.OrderBy(e => e.Line)]);
    }

    /// <summary>One row of the file: its line, its cells by column name, and the errors found in it.</summary>
    public sealed class Row
    {
        readonly CsvRows _file;
        readonly string[] _fields;
        readonly bool _unquote;
        int _errors;

        internal Row(CsvRows file, int line, string[] fields, bool unquote)
        {
            _file = file;
            Line = line;
            _fields = fields;
            _unquote = unquote;
        }

        /// <summary>The line of the file the row starts on (the header is line 1).</summary>
        public int Line { get; }

        /// <summary>True when a reason has been given against this row.</summary>
        public bool Failed => _errors > 0;

        /// <summary>The cell of the column, trimmed; null when the column is absent or the cell is blank.</summary>
        public string? Cell(string column)
        {
            var i = Array.IndexOf(_file._header, column);
            if (i < 0 || i >= _fields.Length || _fields[i].Trim() is not { Length: > 0 } v) return null;
            return _unquote && v.Length > 1 && v[0] == '\'' && "=+-@\t\r".Contains(v[1]) ? v[1..] : v;
        }

        /// <summary>
        /// The row's id cell for a record of <paramref name="kind"/>, null when blank. Refused when it is not a slug, when an
        /// earlier row of the file holds it (<paramref name="seen"/>: id by line) or for the reason <paramref name="refusal"/>
        /// gives; otherwise reserved, so that <paramref name="ids"/> hands it to no row without one.
        /// </summary>
        public string? Id(string kind, ContactIds ids, IReadOnlyDictionary<string, int> seen, Func<string, string?>? refusal = null)
        {
            if (Cell("id") is not { } id) return null;
            if (!Seeds.SeedIds.IsSlug(id)) Fail("id", $"'{id}' is not {(kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {kind} id (lower-case words joined by '-')");
            else if (seen.TryGetValue(id, out var first)) Fail("id", $"{kind} {id} is already on line {first}");
            else if (refusal?.Invoke(id) is { } reason) Fail("id", reason);
            else ids.Reserve(id);
            return id;
        }

        /// <summary>Records why the row (or one of its cells, when <paramref name="column"/> is given) is refused.</summary>
        public void Fail(string? column, string reason)
        {
            _file.Errors.Add(new RowError(Line, column, reason));
            _errors++;
        }

        internal void CheckText()
        {
            var header = _file._header;
            if (_fields.Length > header.Length) Fail(null, $"{_fields.Length} cells where the header has {header.Length} columns");
            for (var c = 0; c < _fields.Length; c++)
                if (Domain.TextRules.Problem(_fields[c]) is { } problem) Fail(c < header.Length ? header[c] : null, problem);
        }
    }
}
