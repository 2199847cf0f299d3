using System.Text;
using BkTui.Core.Firmware;

namespace BkTui.Tests.Firmware;

public class ReleaseFeedParserTests
{
    private static readonly Uri Feed = new("http://127.0.0.1:9/repos/x/releases");

    private static IReadOnlyList<FirmwareRelease> Parse(string json) => ReleaseFeedParser.Parse(Encoding.UTF8.GetBytes(json), Feed);

    [Fact]
    public void ReadsTheFieldsItNeedsAndToleratesMissingOnes()
    {
        var releases = Parse("""
            [
              { "tag_name": "1.18.2", "name": "OBK 1.18.2", "published_at": "2025-03-04T05:06:07Z", "prerelease": false,
                "author": { "login": "x" },
                "assets": [
                  { "name": "OpenBK7231N_QIO_1.18.2.bin", "size": 1187952,
                    "browser_download_url": "https://example.invalid/OpenBK7231N_QIO_1.18.2.bin",
                    "digest": "sha256:AB00000000000000000000000000000000000000000000000000000000000001" },
                  { "name": "no-url.bin", "size": 3 },
                  { "name": "relative.bin", "browser_download_url": "files/relative.bin" }
                ] },
              { "tag_name": "1.18.1" },
              { "name": "no tag is skipped" },
              { "tag_name": "draft", "draft": true, "assets": [] },
              42
            ]
            """);
        Assert.Equal(["1.18.2", "1.18.1"], releases.Select(r => r.Tag));
        var r0 = releases[0];
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero), r0.PublishedAt);
        Assert.Equal(2, r0.Assets.Count);
        Assert.Equal(1187952, r0.Assets[0].Size);
        Assert.Equal("ab00000000000000000000000000000000000000000000000000000000000001", r0.Assets[0].Sha256);
        Assert.Equal(new Uri("http://127.0.0.1:9/repos/x/files/relative.bin"), r0.Assets[1].DownloadUrl);
        Assert.Null(r0.Assets[1].Size);
        Assert.Null(r0.Assets[1].Sha256);
        Assert.Null(releases[1].PublishedAt);
        Assert.Empty(releases[1].Assets);
    }

    [Theory]
    [InlineData("<html><body>Sign in</body></html>", "did not answer with JSON")]
    [InlineData("", "empty body")]
    [InlineData("{\"message\":\"Not Found\",\"documentation_url\":\"x\"}", "Not Found")]
    [InlineData("\"just a string\"", "wrong shape")]
    public void RefusesWhatIsNotAReleasesList(string body, string expected)
    {
        var e = Assert.Throws<FirmwareException>(() => Parse(body));
        Assert.Equal(FirmwareError.BadSource, e.Error);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void DigestOfAnotherAlgorithmIsIgnored()
    {
        var a = new FirmwareAsset("x.bin", 1, new Uri("http://h/x.bin"), "sha512:00");
        Assert.Null(a.Sha256);
    }
}
