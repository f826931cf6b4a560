using TalkBot.Bot.Handlers;

namespace TalkBot.Bot.Cases;

/// <summary>Leads, dispositions, admonishments, follow-on tasks, the archive and the audit log (section <c>Cases</c>).</summary>
public static class CaseServices
{
    public static IServiceCollection AddTalkBotCases(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new CaseOptions();
        configuration.GetSection(CaseOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<CaseRepository>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CaseKit>();
        services.AddSingleton<CaseTalks>();
        services.AddSingleton<TaskDesk>();
        services.AddSingleton<AdmonishmentDesk>();
        services.AddSingleton<LeadDesk>();
        services.AddSingleton<ArchiveDesk>();
        services.AddSingleton<CaseJobs>();
        services.AddSingleton<CaseRecordHook>();
        var exports = new ExportOptions();
        configuration.GetSection(ExportOptions.Section).Bind(exports);
        services.AddSingleton(exports);
        services.AddSingleton<ArchiveExports>();

        services.AddSingleton<ICommand, CaseDeskCommand>();
        services.AddSingleton<ICommand, NewLeadCommand>();
        services.AddSingleton<ICommand, ProposeCommand>();
        services.AddSingleton<ICommand, RequestTalkCommand>();
        services.AddSingleton<ICommand, ArchiveCommand>();
        services.AddSingleton<ICommand, ShowAuditCommand>();
        services.AddSingleton<ICardAction, CaseDeskAction>();
        services.AddSingleton<ICardAction, NewLeadAction>();
        services.AddSingleton<ICardAction, CreateLeadAction>();
        services.AddSingleton<ICardAction, ShowLeadAction>();
        services.AddSingleton<ICardAction, ArrangeLeadTalkAction>();
        services.AddSingleton<ICardAction, DisposeFormAction>();
        services.AddSingleton<ICardAction, DisposeLeadAction>();
        services.AddSingleton<ICardAction, NewCaseAction>();
        services.AddSingleton<ICardAction, ProposeCaseAction>();
        services.AddSingleton<ICardAction, ShowCaseAction>();
        services.AddSingleton<ICardAction, ApproveCaseAction>();
        services.AddSingleton<ICardAction, RejectCaseAction>();
        services.AddSingleton<ICardAction, ArrangeCaseTalkAction>();
        services.AddSingleton<ICardAction, FollowUpCaseAction>();
        services.AddSingleton<ICardAction, RequestTalkFormAction>();
        services.AddSingleton<ICardAction, RequestTalkAction>();
        services.AddSingleton<ICardAction, ShowTaskAction>();
        services.AddSingleton<ICardAction, SubmitTaskAction>();
        services.AddSingleton<ICardAction, AcceptTaskAction>();
        services.AddSingleton<ICardAction, ReturnTaskAction>();
        services.AddSingleton<ICardAction, ArchiveAction>();
        services.AddSingleton<ICardAction, ShowAuditAction>();
        services.AddSingleton<ICardAction, ExportArchiveAction>();
        return services;
    }
}

/// <summary>
/// What a logged record means for the lead or case its talk was arranged for: an admonishment moves to its follow-up
/// and asks for the written material (002 §四4–5); a reminder talk's office and talkers are asked for the
/// dispositions (000 §四(四)).
/// </summary>
public sealed class CaseRecordHook(CaseKit kit, AdmonishmentDesk admonishments)
{
    public async Task OnRecordLoggedAsync(Domain.Talks.Talk talk, Talks.PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        if (await kit.Store.FindTalkOriginAsync(talk.Id, cancellationToken).ConfigureAwait(false) is not { } origin)
        {
            return;
        }

        if (origin.Case is { } caseId)
        {
            await admonishments.OnTalkHeldAsync(caseId, talk, people, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await kit.Store.GetLeadAsync(origin.Lead!.Value, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return;
        }

        var lead = stored.Lead;
        var ids = new Dictionary<string, string> { [Cards.DataKeys.LeadId] = lead.Id.Value };
        var to = talk.Talkers.Append(lead.RegisteredBy).Where(p => p != lead.Subject);
        await kit.Messenger.TellEachAsync(to, (_, l) => Cards.Builders.ReminderCard.Build(new Cards.Builders.ReminderView(
            l.Pick("请记录谈后处置", "Record what follows the talk"),
            [l.Pick($"与{people.Name(lead.Subject)}的廉政提醒谈话已登记记录。请根据情况作出相应处理（000 §四(四)）。",
                $"The reminder talk with {people.Name(lead.Subject)} is recorded. Please record what follows it (000 §四(四)).")],
            false, Cards.Verbs.LeadDisposeForm, l.Pick("记录谈后处置", "Record dispositions"), ids), l),
            cancellationToken, "held|" + talk.Id.Value).ConfigureAwait(false);
    }
}
