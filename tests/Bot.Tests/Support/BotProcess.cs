using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalkBot.Bot.Tests.Support;

/// <summary>
/// The built bot (Release) as a process of its own on Azurite, for what only a real process shows: a SIGKILL at a
/// chosen moment and a restart on the same storage. Its output is kept for the failure message.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly HttpClient http;

    private BotProcess(Process process, Uri address)
    {
        this.process = process;
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the bot with <paramref name="settings"/> (configuration keys, <c>:</c>-separated) and waits until it answers.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepoRoot.Path, "Bot", "bin", "Release", "net10.0", "TalkBot.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; build the solution in Release first.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var bot = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("The bot did not start."), new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var health = await bot.http.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (bot.process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The bot did not come up:\n" + bot.Output);
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Posts an activity to <c>/api/messages</c>; returns the status and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await http.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Clicks an Action.Execute button as <paramref name="person"/> whose chat is served by <paramref name="serviceUrl"/>; returns the card's text.</summary>
    public async Task<string> ExecuteAsync(Person person, string serviceUrl, string verb, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(person);
        var values = JsonSerializer.SerializeToNode(data)!.AsObject();
        values["verb"] = verb;
        var activity = person.Activity("invoke");
        activity["serviceUrl"] = serviceUrl;
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-" + Guid.NewGuid().ToString("N")[..8];
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = values } };
        var (status, body) = await PostAsync(activity);
        Assert.True(status == HttpStatusCode.OK, $"{verb}: HTTP {(int)status} {body}\n{Output}");
        using var document = JsonDocument.Parse(body);
        return CardText.Of(document.RootElement.GetProperty("value"));
    }

    /// <summary>The person opens TalkBot: the conversation reference points at <paramref name="serviceUrl"/>.</summary>
    public async Task InstallAsync(Person person, string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(person);
        var activity = person.Activity("conversationUpdate");
        activity["serviceUrl"] = serviceUrl;
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = person.UserId }, new JsonObject { ["id"] = "28:talkbot" });
        var (status, body) = await PostAsync(activity);
        Assert.True(status == HttpStatusCode.OK, $"install: HTTP {(int)status} {body}");
    }

    /// <summary>Moves the test clock forward (<c>TestClock:Enabled</c>).</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        using var response = await http.PostAsync($"/api/test-clock/advance?by={by:c}", null);
        Assert.True(response.IsSuccessStatusCode, $"test clock: HTTP {(int)response.StatusCode}");
    }

    /// <summary>SIGKILL: the process dies at once, with nothing flushed or finished.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        http.Dispose();
        await Task.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
