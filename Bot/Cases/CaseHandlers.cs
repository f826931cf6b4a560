using TalkBot.Bot.Handlers;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;

namespace TalkBot.Bot.Cases;

// The commands and card verbs of leads, admonishments, tasks, the archive and the audit log. Each translates the
// request to one desk call; the desks hold the work.

/// <summary>线索台账 / desk: the office's open leads, cases and tasks.</summary>
public sealed class CaseDeskCommand(ArchiveDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["线索台账", "desk"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => desk.DeskAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class CaseDeskAction(ArchiveDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseDesk;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.DeskAsync(request.Actor, request.Locale, cancellationToken);
}

/// <summary>登记线索 / new lead: the lead form (000 §三2–3).</summary>
public sealed class NewLeadCommand(LeadDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["登记线索", "new lead"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => desk.FormAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class NewLeadAction(LeadDesk desk) : ICardAction
{
    public string Verb => Verbs.LeadNew;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.FormAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class CreateLeadAction(LeadDesk desk) : ICardAction
{
    public string Verb => Verbs.LeadCreate;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.CreateAsync(request, cancellationToken);
}

public sealed class ShowLeadAction(LeadDesk desk) : ICardAction
{
    public string Verb => Verbs.LeadShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ShowAsync(request, cancellationToken);
}

public sealed class ArrangeLeadTalkAction(LeadDesk desk) : ICardAction
{
    public string Verb => Verbs.LeadTalk;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ArrangeTalkAsync(request, cancellationToken);
}

public sealed class DisposeFormAction(LeadDesk desk) : ICardAction
{
    public string Verb => Verbs.LeadDisposeForm;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.DisposeFormAsync(request, cancellationToken);
}

public sealed class DisposeLeadAction(LeadDesk desk) : ICardAction
{
    public string Verb => Verbs.LeadDispose;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.DisposeAsync(request, cancellationToken);
}

/// <summary>诫勉建议 / propose: the admonishment proposal form (002 §四1).</summary>
public sealed class ProposeCommand(AdmonishmentDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["诫勉建议", "propose"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => desk.NewAsync(request.Actor, request.Locale, null, cancellationToken);
}

public sealed class NewCaseAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseNew;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.NewAsync(request.Actor, request.Locale, request, cancellationToken);
}

public sealed class ProposeCaseAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CasePropose;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ProposeAsync(request, cancellationToken);
}

public sealed class ShowCaseAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ShowAsync(request, cancellationToken);
}

public sealed class ApproveCaseAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseApprove;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.DecideAsync(request, approve: true, cancellationToken);
}

public sealed class RejectCaseAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseReject;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.DecideAsync(request, approve: false, cancellationToken);
}

public sealed class ArrangeCaseTalkAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseTalk;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ArrangeTalkAsync(request, cancellationToken);
}

public sealed class FollowUpCaseAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseFollowUp;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.FollowUpAsync(request, cancellationToken);
}

/// <summary>申请谈话 / request talk: a cadre asks for an admonishment talk themselves (002 §五4).</summary>
public sealed class RequestTalkCommand : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["申请谈话", "request talk"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(AdmonishmentDesk.RequestForm(request.Locale));
}

public sealed class RequestTalkFormAction : ICardAction
{
    public string Verb => Verbs.CaseRequestForm;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(AdmonishmentDesk.RequestForm(request.Locale));
}

public sealed class RequestTalkAction(AdmonishmentDesk desk) : ICardAction
{
    public string Verb => Verbs.CaseRequest;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.RequestAsync(request, cancellationToken);
}

public sealed class ShowTaskAction(TaskDesk desk) : ICardAction
{
    public string Verb => Verbs.TaskShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ShowAsync(request, cancellationToken);
}

public sealed class SubmitTaskAction(TaskDesk desk) : ICardAction
{
    public string Verb => Verbs.TaskSubmit;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.SubmitAsync(request, cancellationToken);
}

public sealed class AcceptTaskAction(TaskDesk desk) : ICardAction
{
    public string Verb => Verbs.TaskAccept;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ReviewAsync(request, accept: true, cancellationToken);
}

public sealed class ReturnTaskAction(TaskDesk desk) : ICardAction
{
    public string Verb => Verbs.TaskReturn;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.ReviewAsync(request, accept: false, cancellationToken);
}

/// <summary>廉政档案 / archive [name]: a person's integrity archive, for the discipline office.</summary>
public sealed class ArchiveCommand(ArchiveDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["廉政档案", "archive"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        desk.ArchiveAsync(request.Actor, request.Locale, request.Arguments, cancellationToken);
}

public sealed class ArchiveAction(ArchiveDesk desk) : ICardAction
{
    public string Verb => Verbs.ArchiveShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        desk.ArchiveAsync(request.Actor, request.Locale, request.Text(CaseFields.Person), cancellationToken);
}

public sealed class ExportArchiveAction(ArchiveExports exports) : ICardAction
{
    public string Verb => Verbs.ArchiveExport;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => exports.ExportAsync(request, cancellationToken);
}

/// <summary>审计日志 / audit: the audit log, for the discipline office.</summary>
public sealed class ShowAuditCommand(ArchiveDesk desk) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["审计日志", "audit"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) => desk.AuditAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class ShowAuditAction(ArchiveDesk desk) : ICardAction
{
    public string Verb => Verbs.AuditShow;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) => desk.AuditAsync(request.Actor, request.Locale, cancellationToken);
}
