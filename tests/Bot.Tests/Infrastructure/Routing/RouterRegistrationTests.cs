using TalkBot.Bot.Infrastructure.Routing;
using TalkBot.Cards.AdaptiveCards;

namespace TalkBot.Bot.Tests.Infrastructure.Routing;

public sealed class RouterRegistrationTests
{
    private sealed class FakeAction(string verb) : ICardAction
    {
        public string Verb => verb;

        public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => Task.FromResult(new AdaptiveCard());
    }

    private sealed class FakeCommand(params string[] names) : ICommand
    {
        public IReadOnlyList<string> Names => names;

        public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => Task.FromResult(new AdaptiveCard());
    }

    [Fact]
    public void TwoHandlersForOneVerb_FailAtStartUp_NamingBoth()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            TalkBotRouter.BuildActionTable([new FakeAction("notice.acknowledge"), new FakeAction("notice.acknowledge")]));

        Assert.Contains("notice.acknowledge", e.Message, StringComparison.Ordinal);
    }

    private sealed class FakeDataset(string name) : ISearchDataset
    {
        public string Name => name;

        public Task<IReadOnlyList<SearchResult>> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SearchResult>>([]);
    }

    [Fact]
    public void TwoDatasetsOfOneName_FailAtStartUp_NamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            TalkBotRouter.BuildDatasetTable([new FakeDataset("people.talkee"), new FakeDataset("people.talker"), new FakeDataset("people.talkee")]));

        Assert.Contains("dataset 'people.talkee'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoCommandsForOneWord_FailAtStartUp_CaseInsensitively()
    {
        Assert.Throws<InvalidOperationException>(() =>
            TalkBotRouter.BuildCommandTable([new FakeCommand("help"), new FakeCommand("HELP")]));
    }

    [Fact]
    public void Commands_AreMatchedLongestFirst()
    {
        var table = TalkBotRouter.BuildCommandTable([new FakeCommand("新建"), new FakeCommand("新建谈话")]);

        Assert.Equal("新建谈话", table[0].Name);
    }
}
