using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TalkBot.EndToEnd.Tests.Harness;

/// <summary>One person from the Playground config: index 0 is the config's currentUser.</summary>
public sealed record Person(int Index, string Id, string Name, string AadObjectId);

/// <summary>A Playground process whose current user is <see cref="Person"/>.</summary>
public sealed record PlaygroundInstance(Person Person, Uri Url);

/// <summary>
/// Starts the peers a TalkBot end-to-end test needs: Azurite (tables, in memory), the bot, chromium,
/// and Agents Playground instances, one per person (the Playground has a single fixed current user
/// per process; see README.md). Everything is stopped on dispose, also when start-up fails halfway.
/// Set TALKBOT_E2E_BOT_URL (e.g. http://127.0.0.1:3978) to use an already running bot instead.
/// </summary>
public sealed partial class PeersFixture : IAsyncLifetime
{
    private static readonly TimeSpan AzuriteStartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BotStartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan PlaygroundStartTimeout = TimeSpan.FromSeconds(60);

    // Azurite's published development account; not a secret.
    private const string DevAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly List<PeerProcess> _processes = [];
    private readonly Dictionary<int, PlaygroundInstance> _playgrounds = [];
    private readonly SemaphoreSlim _playgroundGate = new(1, 1);
    private readonly string _workRoot = Path.Combine(Path.GetTempPath(), "talkbot-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IReadOnlyList<Person>? _people;

    public PeerLog Log { get; } = new();

    /// <summary>Base address of the bot, e.g. http://127.0.0.1:41234.</summary>
    public Uri BotUrl { get; private set; } = null!;

    /// <summary>Azurite connection string the bot was given; null when an external bot is used.</summary>
    public string? TablesConnectionString { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture is not started.");

    /// <summary>The people of the Playground config, currentUser first.</summary>
    public IReadOnlyList<Person> People => _people ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workRoot);
        try
        {
            var external = Environment.GetEnvironmentVariable("TALKBOT_E2E_BOT_URL");
            if (string.IsNullOrWhiteSpace(external))
            {
                await StartAzuriteAsync();
                await StartBotAsync();
            }
            else
            {
                BotUrl = new Uri(external.TrimEnd('/'));
                Log.Write("fixture", $"using the running bot at {BotUrl}");
                await WaitForHealthAsync(TimeSpan.FromSeconds(10), () => false);
            }

            _people = await LoadPeopleAsync();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync",
                ],
            });
            await GetPlaygroundAsync(0);
        }
        catch (Exception e)
        {
            Log.Write("fixture", "start-up failed: " + e.Message);
            Log.SaveTo(Path.Combine(RepoPaths.Artifacts, "peers-startup-failure.log"));
            await DisposeAsync();
            throw new InvalidOperationException(
                "End-to-end peers did not start: " + e.Message + Environment.NewLine + Log.Tail(), e);
        }
    }

    /// <summary>
    /// The Playground instance in which <paramref name="index"/> is the current user, started on first use.
    /// Opening its page makes the Playground send installationUpdate and conversationUpdate for that person.
    /// </summary>
    public async Task<PlaygroundInstance> GetPlaygroundAsync(int index)
    {
        var person = People.ElementAtOrDefault(index)
            ?? throw new ArgumentOutOfRangeException(nameof(index), index, $"The config has {People.Count} people.");
        await _playgroundGate.WaitAsync();
        try
        {
            if (_playgrounds.TryGetValue(index, out var running))
            {
                return running;
            }

            var instance = await StartPlaygroundAsync(person);
            _playgrounds[index] = instance;
            return instance;
        }
        finally
        {
            _playgroundGate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
        // Reverse order: Playgrounds, then the bot, then its storage.
        for (var i = _processes.Count - 1; i >= 0; i--)
        {
            _processes[i].Dispose();
        }

        _processes.Clear();
        Log.SaveTo(Path.Combine(RepoPaths.Artifacts, "peers.log"));
        try
        {
            Directory.Delete(_workRoot, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task StartAzuriteAsync()
    {
        var port = FreePort.Next();
        var azurite = Track(PeerProcess.Start(
            "azurite",
            "node",
            [
                Path.Combine(RepoPaths.NodeModules, "azurite", "dist", "src", "table", "main.js"),
                "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            ],
            _workRoot,
            new Dictionary<string, string?>(),
            Log));
        await FreePort.WaitUntilListeningAsync(port, AzuriteStartTimeout, () => azurite.HasExited, "Azurite");
        TablesConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
            $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    private async Task StartBotAsync()
    {
        var assembly = RepoPaths.BotAssembly;
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException(
                $"The bot is not built ({assembly}); run `dotnet build TalkBot.sln -c {RepoPaths.Configuration}` first.");
        }

        var port = FreePort.Next();
        BotUrl = new Uri($"http://127.0.0.1:{port}");
        var bot = Track(PeerProcess.Start(
            "bot",
            "dotnet",
            [assembly],
            Path.GetDirectoryName(assembly)!,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                // The Playground always says en-US; its users read zh-CN (LocalizationOptions).
                ["Localization__Locale"] = "zh-CN",
                // Recording a talk needs "after the talk": the scenarios move this process's clock forward.
                ["TestClock__Enabled"] = "true",
                // The tab's demo sign-in (Development only), so that a scenario opens the tab as any person.
                ["Tab__DevSignIn"] = "true",
                ["Scheduler__PollInterval"] = "00:00:02",
                ["ASPNETCORE_URLS"] = BotUrl.ToString().TrimEnd('/'),
                ["ConnectionStrings__Tables"] = TablesConnectionString,
                ["DOTNET_NOLOGO"] = "1",
            },
            Log));
        await WaitForHealthAsync(BotStartTimeout, () => bot.HasExited);
    }

    /// <summary>Moves the bot's test clock forward (TestClock:Enabled is set for the bot this fixture starts).</summary>
    public async Task AdvanceBotClockAsync(TimeSpan by)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(BotUrl, $"/api/test-clock/advance?by={by:c}"), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The bot's test clock now.</summary>
    public async Task<DateTimeOffset> BotNowAsync()
    {
        using var http = new HttpClient();
        using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(BotUrl, "/api/test-clock")));
        return json.RootElement.GetProperty("now").GetDateTimeOffset();
    }

    private async Task WaitForHealthAsync(TimeSpan timeout, Func<bool> hasExited)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = new Uri(BotUrl, "/healthz");
        var deadline = DateTimeOffset.UtcNow + timeout;
        string last = "no answer";
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (hasExited())
            {
                throw new InvalidOperationException("The bot exited during start-up.");
            }

            try
            {
                using var response = await http.GetAsync(health);
                if (response.IsSuccessStatusCode)
                {
                    Log.Write("fixture", $"bot healthy at {BotUrl}");
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            await Task.Delay(300);
        }

        throw new TimeoutException($"GET {health} did not answer 200 within {timeout.TotalSeconds:0} s (last: {last}).");
    }

    private async Task<IReadOnlyList<Person>> LoadPeopleAsync()
    {
        // Index 0 is written out too: it validates the config before any Playground starts.
        var output = await RunPersonaScriptAsync(0, Path.Combine(_workRoot, "people-check.yml"));
        var people = JsonSerializer.Deserialize<List<PersonJson>>(output)
            ?? throw new InvalidOperationException("The persona script printed no people.");
        return people.Select((p, i) => new Person(i, p.id, p.name, p.aadObjectId)).ToList();
    }

    private async Task<PlaygroundInstance> StartPlaygroundAsync(Person person)
    {
        var directory = Path.Combine(_workRoot, $"playground-{person.Index}");
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, ".m365agentsplayground.yml");
        if (person.Index == 0)
        {
            File.Copy(RepoPaths.PlaygroundConfig, config);
        }
        else
        {
            await RunPersonaScriptAsync(person.Index, config);
        }

        var port = FreePort.Next();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var name = $"playground-{person.Index}";
        var playground = PeerProcess.Start(
            name,
            "node",
            [
                Path.Combine(RepoPaths.NodeModules, "@microsoft", "m365agentsplayground", "cli.js"),
                "-e", new Uri(BotUrl, "/api/messages").ToString(), "-c", "msteams", "--dt",
                "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ],
            directory,
            new Dictionary<string, string?>
            {
                // Without this it tries xdg-open and exits 1 on a headless machine.
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["BOT_ENDPOINT"] = null,
                ["TEAMSAPPTESTER_PORT"] = null,
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = null,
            },
            Log,
            // The Playground silently picks a random port when the asked one is busy, so read the real one.
            line =>
            {
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            });
        Track(playground);
        using var timeout = new CancellationTokenSource(PlaygroundStartTimeout);
        await using var registration = timeout.Token.Register(() => listening.TrySetCanceled());
        int actualPort;
        try
        {
            actualPort = await listening.Task;
        }
        catch (TaskCanceledException)
        {
            throw new TimeoutException($"{name} did not report 'Listening on' within {PlaygroundStartTimeout.TotalSeconds:0} s.");
        }

        await FreePort.WaitUntilListeningAsync(actualPort, PlaygroundStartTimeout, () => playground.HasExited, name);
        Log.Write("fixture", $"{name} ({person.Name}, {person.Id}) on http://localhost:{actualPort}");
        return new PlaygroundInstance(person, new Uri($"http://localhost:{actualPort}/"));
    }

    private async Task<string> RunPersonaScriptAsync(int index, string target)
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var script = PeerProcess.Start(
            "persona-config",
            "node",
            [RepoPaths.PersonaScript, RepoPaths.PlaygroundConfig, index.ToString(System.Globalization.CultureInfo.InvariantCulture), target],
            RepoPaths.Root,
            new Dictionary<string, string?>(),
            Log,
            lines.Enqueue);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!script.HasExited && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Output events may trail the exit slightly.
        await Task.Delay(200);
        if (!script.HasExited || script.ExitCode != 0 || !File.Exists(target))
        {
            throw new InvalidOperationException($"Could not write the Playground config for person {index}; see the peer log.");
        }

        return lines.LastOrDefault(l => l.StartsWith('[')) ?? "[]";
    }

    private PeerProcess Track(PeerProcess process)
    {
        _processes.Add(process);
        return process;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();

#pragma warning disable IDE1006, CA1812 // shape of the persona script's JSON output
    private sealed record PersonJson(string id, string name, string aadObjectId);
#pragma warning restore IDE1006, CA1812
}

[CollectionDefinition(Name)]
public sealed class PeersCollection : ICollectionFixture<PeersFixture>
{
    public const string Name = "Peers";
}
