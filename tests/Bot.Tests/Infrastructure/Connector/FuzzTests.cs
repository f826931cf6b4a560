using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TalkBot.Bot.Infrastructure.Sending;
using TalkBot.Bot.Tests.Support;
using TalkBot.Fuzz;

namespace TalkBot.Bot.Tests.Infrastructure.Connector;

/// <summary>
/// Issue 16: a seeded corpus of malformed activities and card actions (tools/Fuzz) against the whole bot on Azurite.
/// No request gets a 5xx (nor an invoke answer of 500), and no refused request writes to Table Storage: a 4xx writes
/// nothing at all; an invoke answered with an error writes nothing but the sender's conversation reference, which any
/// genuine activity from that person refreshes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FuzzTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Seed = 16;
    private const int Count = 2_400;
    private const string UnhandledInvoke = "unknown type or invoke: invoke";

    private static readonly Person[] People = [Person.Office, Person.Leader, Person.Recorder, Person.Cadre1, Person.Stranger];

    [Fact]
    public async Task Corpus_GetsNo5xx_AndRefusedRequestsStoreNothing()
    {
        var writes = new WriteRecorder();
        await using var bot = new BotUnderTest(azurite, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)))
        {
            Replace = services => services.AddSingleton(new TableServiceClient(azurite.ConnectionString, writes.Options())),
        };
        foreach (var person in People)
        {
            Assert.Equal(HttpStatusCode.OK, await bot.InstallAsync(person));
        }

        var corpus = new FuzzCorpus(Seed, BotUnderTest.ServiceUrl, [.. People.Select(p => new FuzzPerson(p.AadObjectId, p.UserId, p.Name))], 256 * 1024);
        var failures = new List<string>();
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        using var client = bot.CreateClient();
        foreach (var fuzz in corpus.Cases(Count))
        {
            writes.Clear();
            using var content = new ByteArrayContent(fuzz.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var invokeStatus = InvokeStatus(body);
            var outcome = status == 200 && invokeStatus is { } s ? $"200/{s}" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            var stored = writes.Snapshot();
            if (status == 501 && fuzz.Kind.StartsWith(UnhandledInvoke, StringComparison.Ordinal))
            {
                // PROTOCOL §5: an invoke name the bot does not handle is not malformed; the SDK answers 501 too.
                continue;
            }

            if (status >= 500 || invokeStatus >= 500)
            {
                failures.Add($"{outcome} for {fuzz.Kind}: {Excerpt(fuzz.Body)}");
            }
            else if (status >= 400 && stored.Count > 0)
            {
                failures.Add($"{status} but stored {string.Join(", ", stored)} for {fuzz.Kind}");
            }
            else if (invokeStatus >= 400 && stored.Any(w => !w.Contains(ConversationReferences.Table, StringComparison.Ordinal)))
            {
                failures.Add($"invoke {invokeStatus} but stored {string.Join(", ", stored)} for {fuzz.Kind}");
            }
        }

        output.WriteLine(string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {Count}: " + string.Join("\n", failures.Take(25)));
        Assert.True(tally.Where(t => t.Key.StartsWith('4')).Sum(t => t.Value) > Count / 2, string.Join(", ", tally));
        Assert.True(tally.GetValueOrDefault("413") > 0 && tally.GetValueOrDefault("200/400") > 0, string.Join(", ", tally));
    }

    [Fact]
    public void Corpus_IsTheSameForTheSameSeed_AndCoversEveryKind()
    {
        var people = People.Select(p => new FuzzPerson(p.AadObjectId, p.UserId, p.Name)).ToList();
        var first = new FuzzCorpus(Seed, BotUnderTest.ServiceUrl, people, 4096).Cases(200).ToList();
        var second = new FuzzCorpus(Seed, BotUnderTest.ServiceUrl, people, 4096).Cases(200).ToList();

        Assert.Equal(first.Select(c => Convert.ToHexString(c.Body)), second.Select(c => Convert.ToHexString(c.Body)));
        Assert.Equal(FuzzCorpus.Kinds, first.Select(c => c.Kind.Split(':')[0]).Distinct().Count());
        Assert.Contains("talk.create", CardVocabulary.Verbs);
        Assert.Contains("talkId", CardVocabulary.DataKeys);
    }

    private static int? InvokeStatus(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("statusCode", out var code)
                && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 400));

    /// <summary>Every request that would change Table Storage (anything but a read), with the path it goes to.</summary>
    private sealed class WriteRecorder : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<string> writes = new();

        public TableClientOptions Options()
        {
            var options = new TableClientOptions();
            options.AddPolicy(this, HttpPipelinePosition.PerCall);
            return options;
        }

        public void Clear() => writes.Clear();

        public IReadOnlyList<string> Snapshot() => [.. writes];

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Get)
            {
                writes.Enqueue($"{message.Request.Method} {message.Request.Uri.Path}");
            }
        }
    }
}
