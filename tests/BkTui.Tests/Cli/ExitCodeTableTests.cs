using System.Diagnostics;
using BkTui.Cli;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.Flashing;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Cli;

/// <summary>
/// The README's exit-code table, row by row, from the real binary (issue 11 item 5). Rows that need
/// a failing adapter mid-run (4, 8) or a signal (130) are proven by their own end-to-end tests.
/// </summary>
public sealed class ExitCodeTableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-exit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, byte[] data)
    {
        var p = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(p, data);
        return p;
    }

    private static void Expect(int code, params string[] args)
    {
        var r = BktuiProcess.Run(args);
        Assert.True(r.ExitCode == code, $"bktui {string.Join(' ', args)}: exit {r.ExitCode}, expected {code}\n{r.Stderr}");
    }

    /// <summary>Row 2: a command line that does not parse is 2 for every verb and subcommand (System.CommandLine alone says 1).</summary>
    [Theory]
    [InlineData("about", "--bogus")] [InlineData("ports", "--bogus")] [InlineData("sim", "--bogus")] [InlineData("info", "--bogus")]
    [InlineData("read", "--bogus")] [InlineData("write", "--bogus")] [InlineData("erase", "--bogus")] [InlineData("verify", "--bogus")]
    [InlineData("dumps", "list", "--bogus")] [InlineData("dumps", "import", "--label")] [InlineData("dumps", "show")]
    [InlineData("firmware", "list", "--bogus")] [InlineData("firmware", "get", "--bogus")] [InlineData("analyze", "a.bin", "b.bin")]
    [InlineData("image", "convert", "a.bin", "--to-key", "zero")] [InlineData("hexdump", "a.bin", "--length")] [InlineData("tui", "--bogus")]
    [InlineData("run", "backup", "--bogus")] [InlineData("run", "flash", "--bogus")] [InlineData("demo", "--bogus")] [InlineData("no-such-verb")]
    public void A_bad_command_line_is_2(params string[] args) => Expect(ExitCodes.Usage, args);

    [Fact]
    public void Success_is_0_and_a_missing_port_is_3()
    {
        Expect(ExitCodes.Ok, "--version");
        Expect(ExitCodes.Ok, "analyze", File("n.bin", FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N })));
        Expect(ExitCodes.PortUnavailable, "info", "--port", Path.Combine(_dir, "no-such-port"));
    }

    [Fact]
    public void Refused_before_anything_is_sent_is_5_and_a_crc_mismatch_is_6()
    {
        using var sim = SimEndToEndTests.Start(ChipFamily.BK7231N);
        var data = File("data.bin", new byte[0x3000]);
        Expect(ExitCodes.Refused, "write", "--port", sim.PtyPath, "--in", data, "--start", "0x8000");
        Expect(ExitCodes.VerifyFailed, "verify", "--port", sim.PtyPath, "--in", data, "--start", "0x11000");
    }

    /// <summary>Row 7: bytes that are not a BK72xx dump get a verdict, grade F, no Restore-RF advice; import refuses them unless asked to keep them.</summary>
    [Fact]
    public void Bad_input_is_7()
    {
        var random = new byte[0x200000];
        new Random(5).NextBytes(random);
        foreach (var (name, bytes) in new[] { ("random.bin", random), ("short.bin", random[..100_000]), ("zero.bin", new byte[0x200000]) })
        {
            var path = File(name, bytes);
            var r = BktuiProcess.Run("analyze", path);
            Assert.True(r.ExitCode == ExitCodes.BadInput, $"{name}: {r.ExitCode}");
            Assert.Contains("Quality     F", r.Stdout);
            Assert.DoesNotContain("Restore RF", r.Stdout);
            // The one verdict that matters, alone: noise of an odd length is not called a truncated dump.
            Assert.DoesNotContain("truncated", r.Stdout);
            Assert.DoesNotContain("()", r.Stdout);
            // --json says what it is not, also for an odd length (not "truncated": there is no dump to cut).
            var json = BktuiProcess.Run("analyze", path, "--json");
            Assert.Contains($"{path}: nothing BK72xx was found in it (grade F)", json.Stdout);
            var archive = Directory.CreateDirectory(Path.Combine(_dir, "archive-" + name)).FullName;
            Expect(ExitCodes.BadInput, "dumps", "import", path, "--archive", archive);
            Expect(ExitCodes.Ok, "dumps", "import", path, "--archive", archive, "--keep-unknown");
        }
        // An empty file: its verdict and no empty evidence "()" or partition table header.
        var empty = BktuiProcess.Run("analyze", File("empty.bin", []));
        Assert.True(empty.ExitCode == ExitCodes.BadInput, $"empty: {empty.ExitCode}");
        Assert.Contains("fatal     The file is empty.", empty.Stdout);
        Assert.DoesNotContain("()", empty.Stdout);
        Assert.DoesNotContain("START", empty.Stdout);
        var fifo = Path.Combine(_dir, "fifo");
        using (var mk = Process.Start("mkfifo", [fifo])!) mk.WaitForExit();
        Expect(ExitCodes.BadInput, "hexdump", fifo);
        Expect(ExitCodes.BadInput, "verify", "--port", "/dev/null", "--in", fifo, "--start", "0");
    }

    /// <summary>Row 9: a file given as the archive folder is named as such (it said the runtime's "already exists..").</summary>
    [Fact]
    public void A_file_as_the_archive_is_9_and_said_plainly()
    {
        var file = File("not-a-folder.bin", new byte[16]);
        var r = BktuiProcess.Run("dumps", "import", file, "--archive", file);
        Assert.True(r.ExitCode == ExitCodes.ArchiveError, $"{r.ExitCode} {r.Stderr}");
        Assert.Contains($"{file} is a file, not an archive folder", r.Stderr);
        Assert.DoesNotContain("already exists", r.Stderr);
    }

    /// <summary>Row 2: a baud that is no rate is a bad command line with a sentence, not .NET's argument text (safety audit s9).</summary>
    [Theory]
    [InlineData("info")] [InlineData("run", "backup")]
    public void A_baud_that_is_no_rate_is_2(params string[] verb)
    {
        foreach (var baud in new[] { "0", "12", "abc" })
        {
            var r = BktuiProcess.Run([.. verb, "--port", "/dev/nonexistent-adapter", "--baud", baud]);
            Assert.True(r.ExitCode == ExitCodes.Usage, $"{baud}: {r.ExitCode} {r.Stderr}");
            Assert.Contains($"--baud '{baud}' is not a rate", r.Stderr);
            Assert.DoesNotContain("Parameter", r.Stderr);
        }
    }

    /// <summary>Row 7 before row 3: a mistyped file is said before any port is opened (the port here does not even exist).</summary>
    [Theory]
    [InlineData("flash", "--firmware")] [InlineData("custom", "--write")] [InlineData("wifi", "--password-file")]
    public void A_missing_file_for_run_is_7_before_the_port_is_opened(string recipe, string option)
    {
        var missing = Path.Combine(_dir, "typo.bin");
        string[] extra = recipe switch { "custom" => ["--start", "0x11000"], "wifi" => ["--ssid", "bench"], _ => [] };
        var r = BktuiProcess.Run(["run", recipe, "--port", "/dev/nonexistent-adapter", option, missing, .. extra]);
        Assert.True(r.ExitCode == ExitCodes.BadInput, $"{recipe}: {r.ExitCode} {r.Stderr}");
        Assert.Contains($"{missing}: no such file. Nothing was run.", r.Stderr);
    }

    /// <summary>Row 7, a missing input file: one line that names the verb and the path, as every other verb's errors do.</summary>
    [Theory]
    [InlineData("analyze")] [InlineData("hexdump")] [InlineData("image", "convert")]
    public void A_missing_input_file_is_7_and_named_by_the_verb(params string[] verb)
    {
        var missing = Path.Combine(_dir, "not-here.bin");
        string[] args = verb[0] == "image" ? [.. verb, missing, "--to-key", "zero", "--out", Path.Combine(_dir, "out.bin")] : [.. verb, missing];
        var r = BktuiProcess.Run(args);
        Assert.True(r.ExitCode == ExitCodes.BadInput, $"{string.Join(' ', verb)}: {r.ExitCode} {r.Stderr}");
        Assert.Equal($"bktui {string.Join(' ', verb)}: {missing}: no such file.", r.Stderr.Trim());
    }

    /// <summary>Row 9: a read-only verb pointed at a folder that does not exist says so and creates nothing.</summary>
    [Theory]
    [InlineData("dumps", "list")] [InlineData("dumps", "devices")] [InlineData("dumps", "show", "1")] [InlineData("dumps", "export", "1", "--out", "x.bin")]
    [InlineData("dumps", "diff", "1", "2")] [InlineData("dumps", "check")]
    public void A_missing_archive_folder_is_9_and_is_not_created(params string[] verb)
    {
        var missing = Path.Combine(_dir, "no-archive-here");
        var r = BktuiProcess.Run([.. verb, "--archive", missing]);
        Assert.True(r.ExitCode == ExitCodes.ArchiveError, $"{string.Join(' ', verb)}: {r.ExitCode} {r.Stderr}");
        Assert.Contains("does not exist", r.Stderr);
        Assert.False(Directory.Exists(missing));
    }

    /// <summary>Row 10: offline with nothing cached; the message does not send the user back to the command that just failed.</summary>
    [Fact]
    public void Offline_with_an_empty_cache_is_10_and_says_what_to_do()
    {
        var archive = Directory.CreateDirectory(Path.Combine(_dir, "empty-archive")).FullName;
        var r = BktuiProcess.Run("firmware", "list", "--source", "http://127.0.0.1:9/releases", "--archive", archive);
        Assert.True(r.ExitCode == ExitCodes.NetworkError, r.Stderr);
        // The line starts by naming the verb that failed, as every verb's errors do; its advice must not be that verb.
        Assert.StartsWith("bktui firmware list: ", r.Stderr);
        Assert.DoesNotContain("firmware list", r.Stderr["bktui firmware list: ".Length..]);
        Assert.Contains("bktui firmware get --chip", r.Stderr);
    }
}
