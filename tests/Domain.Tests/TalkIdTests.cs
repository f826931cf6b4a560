using Microsoft.Extensions.Time.Testing;

namespace TalkBot.Domain.Tests;

public sealed class TalkIdTests
{
    [Fact]
    public void TryParse_AcceptsWhatNewMakes()
    {
        var made = TalkId.New(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));

        Assert.True(TalkId.TryParse(made.Value, out var parsed));
        Assert.Equal(made, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0195A0B2C3D47E8F9A0B1C2D3E4F5A6B")]
    [InlineData("0195a0b2c3d47e8f9a0b1c2d3e4f5a6")]
    [InlineData("0195a0b2c3d47e8f9a0b1c2d3e4f5a6b0")]
    [InlineData("0195a0b2c3d47e8f9a0b1c2d3e4f5a/b")]
    [InlineData("' or PartitionKey ne '00000000000000")]
    public void TryParse_RefusesAnythingElse(string? text)
    {
        Assert.False(TalkId.TryParse(text, out _));
    }
}
