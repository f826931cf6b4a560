using Microsoft.Extensions.Time.Testing;
using static TalkBot.Domain.Tests.At;

namespace TalkBot.Domain.Tests;

/// <summary>The talk number a person reads and quotes (编号): short, stable, from the id itself.</summary>
public class TalkReferenceTests
{
    [Fact]
    public void Reference_IsTheLocalCreationDate_AndTheIdsLastEightDigits()
    {
        // 23:30 UTC on 1 December is already 2 December in Shanghai.
        var id = TalkId.New(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)));

        var reference = id.Reference(Calendars.Shanghai);

        Assert.Equal($"20261202-{id.Value[^8..].ToUpperInvariant()}", reference);
        Assert.Equal(17, reference.Length);
    }

    [Fact]
    public void Reference_IsStable_AndTellsTwoTalksOfOneMomentApart()
    {
        var clock = new FakeTimeProvider(Shanghai(2026, 3, 2, 10));
        var a = TalkId.New(clock);
        var b = TalkId.New(clock);

        Assert.Equal(a.Reference(Calendars.Shanghai), new TalkId(a.Value).Reference(Calendars.Shanghai));
        Assert.NotEqual(a.Reference(Calendars.Shanghai), b.Reference(Calendars.Shanghai));
    }

    [Fact]
    public void Reference_OfAnIdNotMadeByNew_IsTheIdItself() =>
        Assert.Equal("t1", new TalkId("t1").Reference(Calendars.Shanghai));
}
