using System.Text.Json;

namespace BkTui.Tests.Archive;

/// <summary>`dumps import` says where a dump's taken date came from, and --taken sets it (tester finding F16).</summary>
public class ImportTakenDateTests
{
    private static readonly DateTime Modified = new(2023, 3, 4, 5, 6, 0, DateTimeKind.Utc);

    private static string DumpFile(TempArchive t, int seed)
    {
        var path = SyntheticDumps.Write(t.Scratch, $"copy-{seed}.bin", SyntheticDumps.Make(seed));
        File.SetLastWriteTimeUtc(path, Modified);
        return path;
    }

    private static JsonElement Imported(string json) => Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("imported").EnumerateArray().ToList());

    [Fact]
    public void Without_taken_the_date_is_the_files_modification_time_and_the_output_says_so()
    {
        using var t = new TempArchive();
        var file = DumpFile(t, 81);
        var text = BktuiProcess.Run("dumps", "import", file, "--archive", t.Root, "--keep-unknown");
        Assert.True(text.Code == 0, text.Err);
        Assert.Contains("    taken: 2023-03-04 05:06 UTC, from the file's modification time; --taken sets it", text.Out);

        var json = Imported(BktuiProcess.Run("dumps", "import", DumpFile(t, 82), "--archive", t.Root, "--keep-unknown", "--json").Out);
        Assert.Equal("fileModified", json.GetProperty("takenFrom").GetString());
        Assert.Equal(new DateTimeOffset(Modified), json.GetProperty("takenAt").GetDateTimeOffset());
    }

    [Fact]
    public void Taken_sets_the_date_and_an_archived_dump_keeps_its_first_one()
    {
        using var t = new TempArchive();
        var file = DumpFile(t, 83);
        var given = BktuiProcess.Run("dumps", "import", file, "--archive", t.Root, "--keep-unknown", "--taken", "2024-05-01T10:00+02:00", "--json");
        Assert.True(given.Code == 0, given.Err);
        var first = Imported(given.Out);
        Assert.Equal("given", first.GetProperty("takenFrom").GetString());
        var expected = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, first.GetProperty("takenAt").GetDateTimeOffset());
        var show = BktuiProcess.Run("dumps", "show", first.GetProperty("dumpId").GetInt64().ToString(), "--archive", t.Root, "--json");
        Assert.Equal(expected, JsonDocument.Parse(show.Out).RootElement.GetProperty("dump").GetProperty("takenAt").GetDateTimeOffset());

        var again = BktuiProcess.Run("dumps", "import", file, "--archive", t.Root, "--keep-unknown", "--taken", "2020-01-01");
        Assert.True(again.Code == 0, again.Err);
        Assert.Contains("    taken: 2024-05-01 08:00 UTC, as archived the first time; --taken does not change it", again.Out);

        var day = BktuiProcess.Run("dumps", "import", DumpFile(t, 84), "--archive", t.Root, "--keep-unknown", "--taken", "2024-05-01");
        Assert.Contains("    taken: 2024-05-01 00:00 UTC, as --taken says", day.Out); // a date alone is that day's start, in UTC
    }

    [Theory]
    [InlineData("01/05/2024", "is not a date")] // day or month first: never guessed
    [InlineData("2024-02-30", "is not a date")]
    [InlineData("yesterday", "is not a date")]
    [InlineData("2999-01-01", "is in the future")]
    public void A_bad_date_is_a_usage_error_and_imports_nothing(string date, string why)
    {
        using var t = new TempArchive();
        var file = DumpFile(t, 85);
        var text = BktuiProcess.Run("dumps", "import", file, "--archive", t.Root, "--keep-unknown", "--taken", date);
        Assert.Equal(2, text.Code);
        Assert.Contains($"--taken '{date}' {why}", text.Err);

        var json = BktuiProcess.Run("dumps", "import", file, "--archive", t.Root, "--keep-unknown", "--taken", date, "--json");
        Assert.Equal(2, json.Code);
        Assert.Equal("usage", JsonDocument.Parse(json.Out).RootElement.GetProperty("error").GetProperty("kind").GetString());
        Assert.False(Directory.Exists(t.Root)); // the line was refused before the archive was opened
    }
}
