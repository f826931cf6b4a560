using System.Text.Json;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Views;

namespace TalkBot.Cards.Tests;

public sealed class SerializationTests
{
    private static JsonElement Pending(string? mri = "29:talkee") =>
        CardSerializer.ToElement(NoticeCard.Build(SampleViews.Notice(new NoticeState.Pending(), mri), Localization.Locale.ZhCn));

    [Fact]
    public void Card_WritesTypeSchemaAndVersionFirst()
    {
        var json = CardSerializer.ToJson(new AdaptiveCard { Body = { new AdaptiveTextBlock("x") } });

        Assert.StartsWith("""{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5",""", json);
    }

    [Fact]
    public void Elements_WriteTypeFirst_AndOmitNullsDefaultsAndEmptyLists()
    {
        var card = new AdaptiveCard
        {
            Body =
            {
                new AdaptiveTextBlock("你好") { Wrap = true },
                new AdaptiveContainer { Items = { new AdaptiveFactSet { Facts = { new AdaptiveFact("谈话人", "李明") } } } },
            },
        };

        var json = CardSerializer.ToJson(card);

        Assert.Contains("""{"type":"TextBlock","text":"你好","wrap":true}""", json);
        Assert.Contains("""{"type":"Container","items":[{"type":"FactSet","facts":[{"title":"谈话人","value":"李明"}]}]}""", json);
        Assert.DoesNotContain("actions", json);
        Assert.DoesNotContain("null", json);
    }

    [Fact]
    public void Enums_AreWrittenAsSchemaCamelCaseStrings()
    {
        var card = new AdaptiveCard
        {
            Body =
            {
                new AdaptiveTextBlock("x")
                {
                    Size = AdaptiveTextSize.ExtraLarge,
                    Weight = AdaptiveTextWeight.Bolder,
                    Color = AdaptiveTextColor.Attention,
                    Style = AdaptiveTextBlockStyle.Heading,
                    HorizontalAlignment = AdaptiveHorizontalAlignment.Center,
                    Spacing = AdaptiveSpacing.ExtraLarge,
                },
                new AdaptiveChoiceSetInput { Id = "c", Style = AdaptiveChoiceInputStyle.Filtered, Choices = { new("a", "a") } },
            },
        };

        var json = CardSerializer.ToJson(card);

        Assert.Contains("\"size\":\"extraLarge\"", json);
        Assert.Contains("\"weight\":\"bolder\"", json);
        Assert.Contains("\"color\":\"attention\"", json);
        Assert.Contains("\"style\":\"heading\"", json);
        Assert.Contains("\"horizontalAlignment\":\"center\"", json);
        Assert.Contains("\"spacing\":\"extraLarge\"", json);
        Assert.Contains("\"style\":\"filtered\"", json);
    }

    [Fact]
    public void ExecuteAction_CarriesVerbData_AndSubmitFallbackWithVerbInData()
    {
        var action = CardActions.Execute(Verbs.NoticeAcknowledge, "确认收到", new Dictionary<string, string> { [DataKeys.TalkId] = "t1" });

        var json = JsonSerializer.SerializeToElement<AdaptiveAction>(action, CardSerializer.Options);

        Assert.Equal("Action.Execute", json.EnumerateObject().First().Value.GetString());
        Assert.Equal(Verbs.NoticeAcknowledge, json.GetProperty("verb").GetString());
        Assert.Equal("t1", json.GetProperty("data").GetProperty("talkId").GetString());
        var fallback = json.GetProperty("fallback");
        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
        Assert.Equal("确认收到", fallback.GetProperty("title").GetString());
        Assert.Equal(Verbs.NoticeAcknowledge, fallback.GetProperty("data").GetProperty("verb").GetString());
        Assert.Equal("t1", fallback.GetProperty("data").GetProperty("talkId").GetString());
    }

    [Fact]
    public void EveryExecuteAction_InEverySampleCard_HasSubmitFallbackWithSameData()
    {
        var executes = 0;
        foreach (var (name, card) in SampleViews.AllCards())
        {
            foreach (var action in Descendants(CardSerializer.ToElement(card)).Where(e => Type(e) == "Action.Execute"))
            {
                executes++;
                var verb = action.GetProperty("verb").GetString();
                Assert.Contains(verb, Verbs.All);
                Assert.True(action.TryGetProperty("fallback", out var fallback), $"{name}: {verb} has no fallback");
                Assert.Equal("Action.Submit", Type(fallback));
                Assert.Equal(action.GetProperty("data").GetRawText(), fallback.GetProperty("data").GetRawText());
                Assert.Equal(verb, fallback.GetProperty("data").GetProperty(DataKeys.Verb).GetString());
            }
        }

        Assert.True(executes > 20, $"only {executes} Action.Execute found");
    }

    [Fact]
    public void NoticeCard_RefreshesThroughNoticeRefresh_ForTheTalkeeOnly()
    {
        var refresh = Pending().GetProperty("refresh");

        Assert.Equal("Action.Execute", Type(refresh.GetProperty("action")));
        Assert.Equal(Verbs.NoticeRefresh, refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("t-2026-03-001", refresh.GetProperty("action").GetProperty("data").GetProperty("talkId").GetString());
        Assert.Equal(["29:talkee"], refresh.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public void NoticeCard_WithoutMri_OmitsUserIds()
    {
        Assert.False(Pending(mri: null).GetProperty("refresh").TryGetProperty("userIds", out _));
    }

    [Fact]
    public void Refresh_WithEmptyUserIds_KeepsTheEmptyList()
    {
        var card = new AdaptiveCard { Refresh = new AdaptiveRefresh(CardActions.Execute(Verbs.NoticeRefresh, "r")) { UserIds = [] } };

        Assert.Contains("\"userIds\":[]", CardSerializer.ToJson(card));
    }

    [Fact]
    public void Attachment_HasAdaptiveCardContentType()
    {
        var node = CardAttachment.ToNode(new AdaptiveCard());
        var attachment = CardAttachment.From(new AdaptiveCard());

        Assert.Equal("application/vnd.microsoft.card.adaptive", node["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", node["content"]!["type"]!.GetValue<string>());
        Assert.Equal("1.5", attachment.Content.GetProperty("version").GetString());
    }

    [Fact]
    public void Cards_AreFullWidthInTeams_AndWriteChineseUnescaped()
    {
        var json = CardSerializer.ToJson(NoticeCard.Build(SampleViews.Notice(new NoticeState.Pending()), Localization.Locale.ZhCn));

        Assert.Contains("\"msteams\":{\"width\":\"Full\"}", json);
        Assert.Contains("层级廉政谈话通知书", json);
    }

    internal static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Descendants))
        {
            yield return child;
        }
    }

    internal static string? Type(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) ? type.GetString() : null;
}
