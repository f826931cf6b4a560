using TalkBot.Cards.AdaptiveCards;

namespace TalkBot.Cards.Tests;

/// <summary>Every card TalkBot can send must parse in the official adaptivecards library with no error or warning.</summary>
public sealed class RendererCompatibilityTests
{
    [Fact]
    public void EveryBuilder_InBothLocalesAndEveryState_ParsesCleanlyInAdaptiveCardsJs()
    {
        var folder = CardCheck.NewFolder();
        try
        {
            var cards = SampleViews.AllCards().ToList();
            foreach (var (name, card) in cards)
            {
                File.WriteAllText(Path.Combine(folder, name + ".json"), CardSerializer.ToJson(card, indented: true));
            }

            var result = CardCheck.Run(folder);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains($"{cards.Count} card(s), 0 with problems", result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TypeaheadChoiceSet_InA15Card_PassesAndSaysHowItWasChecked()
    {
        var folder = CardCheck.NewFolder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "typeahead.json"),
                """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"p","label":"P","isMultiSelect":true,"choices":[{"title":"A","value":"a"}],"choices.data":{"type":"Data.Query","dataset":"people"}}]}""");

            var result = CardCheck.Run(folder);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("checked as 1.6", result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel2000"}]}""", "UnknownElementType")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wrapp":true}]}""", "Dropped property \"wrapp\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","lang":"zh-CN","body":[]}""", "lang")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"r","isRequired":true}]}""", "RequiredInputsShouldHaveLabel")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"p","choices":[{"title":"A","value":"a"}],"choices.data":{"type":"Data.Qery","dataset":"people"}}]}""", "Data.Qery")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"p","choices":[{"title":"A","value":"a"}],"choices.data":{"type":"Data.Query"}}]}""", "not a Data.Query with a dataset")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"p","choices":[{"title":"A","value":"a"}],"choices.data":{"type":"Data.Query","dataset":"people","datset":"x"}}]}""", "Dropped property \"datset\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"t","choices.data":{"type":"Data.Query","dataset":"people"}}]}""", "Dropped property \"choices.data\"")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.ChoiceSet","id":"p","choices.data":{"type":"Data.Query","dataset":"people"}}]}""", "CollectionCantBeEmpty")]
    public void BrokenCard_IsReportedByTheCheck(string json, string expected)
    {
        var folder = CardCheck.NewFolder();
        try
        {
            File.WriteAllText(Path.Combine(folder, "broken.json"), json);

            var result = CardCheck.Run(folder);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains("FAIL", result.Output);
            Assert.Contains(expected, result.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
