using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using BkTui.Cli;
using BkTui.Tests.Firmware;
using BkTui.Tests.TestSupport;

namespace BkTui.Tests.Cli;

/// <summary>
/// Every verb that takes --json, found in the command tree, fails with one shape on stdout —
/// {"ok":false,"error":{code,kind,message,port,next}} — the exit code the README's table gives for
/// what went wrong, and the human message still on stderr: for a bad command line and for a failure
/// at run time (a missing port, file, archive or network, a bad value). The real binary each time.
/// </summary>
public sealed class JsonFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-jsonfail-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The path ("run flash", "dumps show") of every command with a --json option.</summary>
    public static IReadOnlyList<string> JsonVerbs()
    {
        var found = new List<string>();
        void Walk(Command c, string path)
        {
            if (c.Options.Any(o => o.Name == "--json")) found.Add(path);
            foreach (var s in c.Subcommands) Walk(s, path.Length == 0 ? s.Name : $"{path} {s.Name}");
        }
        Walk(CliApp.BuildRoot(), "");
        return found;
    }

    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        foreach (var v in JsonVerbs()) data.Add(v);
        return data;
    }

    private string Missing(string name) => Path.Combine(_dir, name);

    private string Archive(string name) => Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;

    private static string OfflineSource => $"http://127.0.0.1:{LoopbackHttpServer.ClosedPort()}/releases";

    /// <summary>
    /// How each verb fails at run time: its arguments after the path, the exit code, and words its
    /// README row must hold. Only `ports` has none: it opens nothing and fails only on its command line.
    /// </summary>
    private IReadOnlyList<(string[] Args, int Code, string Row)> RunTimeFailures(string verb)
    {
        var port = Missing("no-such-port");
        var archive = Archive("archive");
        return verb switch
        {
            "ports" => [],
            "info" => [(["--port", port], 3, "port missing")],
            "dumps import" => [([Missing("gone.bin"), "--archive", archive], 7, "input file")],
            "dumps list" or "dumps devices" or "dumps check" => [(["--archive", Missing("no-archive")], 9, "archive error")],
            "dumps show" => [(["1", "--archive", archive], 1, "ran and failed"), (["1", "--archive", Missing("no-archive")], 9, "archive error")],
            "dumps diff" => [(["1", "2", "--archive", Missing("no-archive")], 9, "archive error")],
            "firmware list" => [(["--source", OfflineSource, "--archive", archive], 10, "network failure")],
            "firmware get" => [(["--chip", "BK7231N", "--source", OfflineSource, "--archive", archive], 10, "network failure"),
                (["--chip", "BK9999", "--archive", archive], 2, "bad command line")],
            "analyze" => [([Missing("gone.bin")], 7, "input file")],
            "run backup" => [(["--port", port, "--archive", archive], 3, "port missing")],
            "run flash" => [(["--port", port, "--firmware", Missing("fw.bin"), "--archive", archive], 7, "input file"), // said before the port is opened
                (["--port", port, "--firmware", PasswordFile(), "--archive", archive], 3, "port missing"),
                (["--port", port, "--archive", archive], 2, "bad command line")],
            "run restore-rf" => [(["--port", port, "--mac", "zz", "--archive", archive], 2, "bad command line"),
                (["--port", port, "--archive", archive], 3, "port missing")],
            "run wifi" => [(["--port", port, "--ssid", "home", "--password-file", PasswordFile(), "--archive", archive], 3, "port missing")],
            "run restore-factory" => [(["--port", port, "--dump", "1", "--archive", archive], 3, "port missing")],
            "run custom" => [(["--port", port, "--read", Missing("out.bin"), "--start", "zz", "--length", "16", "--archive", archive], 2, "bad command line")],
            _ => throw new InvalidOperationException($"`bktui {verb}` takes --json but this test does not know how it fails: add it here."),
        };
    }

    private const string Secret = "hunter2-wifi-secret";

    private string PasswordFile()
    {
        var p = Path.Combine(_dir, "wifi-pass");
        File.WriteAllText(p, Secret + "\n");
        return p;
    }

    [Fact]
    public void The_tree_has_the_json_verbs_the_issue_named()
    {
        var verbs = JsonVerbs();
        foreach (var v in new[] { "info", "run restore-rf", "run backup", "firmware get", "dumps list", "analyze", "ports" })
            Assert.Contains(v, verbs);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_bad_option_is_exit_2_with_the_error_object(string verb)
    {
        var r = BktuiProcess.Run([.. verb.Split(' '), "--json", "--no-such-option"]);
        var error = AssertFailure(verb, r, ExitCodes.Usage, "bad command line");
        Assert.Contains("'--no-such-option' is not an option", error.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_failure_at_run_time_is_its_readme_code_with_the_error_object(string verb)
    {
        foreach (var (args, code, row) in RunTimeFailures(verb))
        {
            var r = BktuiProcess.Run([.. verb.Split(' '), .. args, "--json"]);
            var error = AssertFailure($"{verb} {string.Join(' ', args)}", r, code, row);
            if (args.Contains("--port"))
                Assert.Equal(args[Array.IndexOf(args, "--port") + 1], error.GetProperty("port").GetString());
        }
    }

    /// <summary>The shape, the code against the README's row, the human message on stderr, no secret anywhere; returns the error object.</summary>
    private static JsonElement AssertFailure(string line, BktuiProcess.Result r, int code, string row)
    {
        var context = $"bktui {line} --json: exit {r.ExitCode}\nstdout: {r.Stdout}\nstderr: {r.Stderr}";
        Assert.True(r.ExitCode == code, context);
        Assert.Contains(row, ReadmeExitCodes()[code], StringComparison.OrdinalIgnoreCase);

        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.True(root.ValueKind == JsonValueKind.Object, context);
        Assert.False(root.GetProperty("ok").GetBoolean(), context);
        var error = root.GetProperty("error").Clone();
        Assert.Equal(["code", "kind", "message", "port", "next"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(ExitCodes.Kind(code), error.GetProperty("kind").GetString());
        var message = error.GetProperty("message").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(message), context);
        Assert.Contains(message.Split('\n')[0], r.Stderr); // the human message is still there for a person
        Assert.DoesNotContain(Secret, r.Stdout + r.Stderr);
        return error;
    }

    /// <summary>The README's exit-code table: code → meaning.</summary>
    private static Dictionary<int, string> ReadmeExitCodes()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = text[text.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        return Regex.Matches(section, @"^\| (\d+) \| (.+) \|$", RegexOptions.Multiline)
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);
    }
}
