using System.Net;
using TalkBot.Bot.Tests.Support;
using TalkBot.Cards;
using TalkBot.Domain.Audit;
using Person = TalkBot.Bot.Tests.Support.Person;

namespace TalkBot.Bot.Tests.Features;

/// <summary>The archive holds the written material itself (000 §四(一)6; 002 §五7), for the office alone, one talk or task a click.</summary>
public sealed partial class CaseFlowTests
{
    [Fact]
    public async Task ArchiveMaterial_OfARecordedTalk_ShowsTheRecordsText_ToTheOffice_AndIsAudited()
    {
        await using var bot = await StartAsync();
        await RegisterLeadAsync(bot);
        await HoldReminderTalkAsync(bot);

        var archive = await bot.ExecuteAsync(Person.Office, Verbs.ArchiveShow, D((CaseFields.Person, Person.Cadre2.AadObjectId)));
        Assert.Contains(Verbs.ArchiveMaterial, archive.GetRawText(), StringComparison.Ordinal);

        var material = Text(await bot.ExecuteAsync(Person.Office, Verbs.ArchiveMaterial,
            D((DataKeys.ArchiveOf, Person.Cadre2.AadObjectId), (DataKeys.TalkId, ReminderTalkForm))));

        Assert.Contains("书面材料：王干部", material, StringComparison.Ordinal);
        Assert.Contains("指出的问题：公务接待超标准", material, StringComparison.Ordinal);
        Assert.Contains("提出的要求：严格执行接待标准", material, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(bot), e => e is { Action: AuditAction.View, Object: AuditObject.Archive } && e.Subject?.Value == Person.Cadre2.AadObjectId);
    }

    [Fact]
    public async Task ArchiveMaterial_Crafted_ForSomeoneElsesArchive_OrByTheTalkee_ShowsNothingOfIt()
    {
        await using var bot = await StartAsync();
        await RegisterLeadAsync(bot);
        await HoldReminderTalkAsync(bot);

        // The talk is not about 李干部: asking for it under his archive finds nothing.
        var elsewhere = Text(await bot.ExecuteAsync(Person.Office, Verbs.ArchiveMaterial,
            D((DataKeys.ArchiveOf, Person.Cadre1.AadObjectId), (DataKeys.TalkId, ReminderTalkForm))));
        // The talkee is not the discipline office: refused, and the refusal is audited.
        var talkee = Text(await bot.ExecuteAsync(Person.Cadre2, Verbs.ArchiveMaterial,
            D((DataKeys.ArchiveOf, Person.Cadre2.AadObjectId), (DataKeys.TalkId, ReminderTalkForm))));

        Assert.DoesNotContain("公务接待超标准", elsewhere, StringComparison.Ordinal);
        Assert.Contains("未找到", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("公务接待超标准", talkee, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(bot), e => e is { Action: AuditAction.Refused, Object: AuditObject.Archive } && e.Actor.Value == Person.Cadre2.AadObjectId);
    }
}
