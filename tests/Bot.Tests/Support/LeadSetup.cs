using System.Text.Json;
using TalkBot.Cards;

namespace TalkBot.Bot.Tests.Support;

/// <summary>A lead registered by the office, for tests whose reminder talk must come from one (000 §三2–3).</summary>
public static class LeadSetup
{
    public static Task<JsonElement> RegisterLeadAsync(this BotUnderTest bot, string form, Person subject) =>
        bot.ExecuteAsync(Person.Office, Verbs.LeadCreate, new Dictionary<string, string>
        {
            [DataKeys.FormId] = form, [CaseFields.Subject] = subject.AadObjectId, [CaseFields.Source] = "Petition",
            [CaseFields.Category] = "Integrity", [CaseFields.Summary] = "反映其在公务接待中超标准用餐",
        });
}
