/* hmr-workflow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-workflow.h"

G_DEFINE_QUARK (hmr-workflow-error-quark, hmr_workflow_error)

#define CW   (1u << HMR_ROLE_CASEWORKER)
#define SUP  (1u << HMR_ROLE_SUPERVISOR)
#define FIN  (1u << HMR_ROLE_FINANCE)
#define ANY  "*"

typedef struct
{
  HmrRecordKind  kind;
  const char    *from;      /* ANY: from every state but the target */
  const char    *to;
  guint          roles;
  gboolean       comment;   /* a written reason is required */
} Transition;

static const Transition transitions[] = {
  /* case: caseworker moves it on; plan approval and closure by supervisor */
  { HMR_RECORD_CASE, "new", "assessment", CW | SUP, FALSE },
  { HMR_RECORD_CASE, "reopened", "assessment", CW | SUP, FALSE },
  { HMR_RECORD_CASE, "assessment", "case_plan", CW | SUP, FALSE },
  { HMR_RECORD_CASE, "case_plan", "services", SUP, FALSE },
  { HMR_RECORD_CASE, "services", "closed", SUP, TRUE },
  { HMR_RECORD_CASE, "case_plan", "closed", SUP, TRUE },
  { HMR_RECORD_CASE, "assessment", "closed", SUP, TRUE },
  { HMR_RECORD_CASE, "closed", "reopened", CW | SUP, TRUE },
  { HMR_RECORD_CASE, ANY, "transferred", SUP, TRUE },
  { HMR_RECORD_CASE, ANY, "duplicate", CW | SUP, FALSE },

  /* reintegration plan */
  { HMR_RECORD_PLAN, "draft", "submitted", CW | SUP, FALSE },
  { HMR_RECORD_PLAN, "returned", "submitted", CW | SUP, FALSE },
  { HMR_RECORD_PLAN, "submitted", "approved", SUP, FALSE },
  { HMR_RECORD_PLAN, "submitted", "returned", SUP, TRUE },

  /* referral: caseworker sends and records the answer; supervisor revokes */
  { HMR_RECORD_REFERRAL, "draft", "sent", CW | SUP, FALSE },
  { HMR_RECORD_REFERRAL, "sent", "accepted", CW | SUP, FALSE },
  { HMR_RECORD_REFERRAL, "sent", "rejected", CW | SUP, FALSE },
  { HMR_RECORD_REFERRAL, "sent", "no_response", CW | SUP, FALSE },
  { HMR_RECORD_REFERRAL, "accepted", "completed", CW | SUP, FALSE },
  { HMR_RECORD_REFERRAL, "sent", "revoked", SUP, TRUE },
  { HMR_RECORD_REFERRAL, "accepted", "revoked", SUP, TRUE },

  /* follow-up */
  { HMR_RECORD_FOLLOW_UP, "planned", "done", CW | SUP, FALSE },
  { HMR_RECORD_FOLLOW_UP, "planned", "missed", CW | SUP, FALSE },
  { HMR_RECORD_FOLLOW_UP, "planned", "cancelled", CW | SUP, FALSE },

  /* grant: caseworker drafts and submits, supervisor approves, finance pays */
  { HMR_RECORD_GRANT, "draft", "submitted", CW | SUP, FALSE },
  { HMR_RECORD_GRANT, "submitted", "approved", SUP, FALSE },
  { HMR_RECORD_GRANT, "submitted", "rejected", SUP, TRUE },
  { HMR_RECORD_GRANT, "approved", "disbursing", FIN, FALSE },
  { HMR_RECORD_GRANT, "disbursing", "disbursed", FIN, FALSE },
  { HMR_RECORD_GRANT, "disbursed", "verified", FIN, FALSE },
  { HMR_RECORD_GRANT, "draft", "cancelled", CW | SUP, TRUE },
  { HMR_RECORD_GRANT, "submitted", "cancelled", SUP, TRUE },
  { HMR_RECORD_GRANT, "approved", "cancelled", SUP, TRUE },
  { HMR_RECORD_GRANT, "disbursing", "cancelled", SUP, TRUE },

  /* handover: signing locks it */
  { HMR_RECORD_HANDOVER, "draft", "signed", CW | FIN, FALSE },
};

/* The states from which ANY applies: every state that is not final */
static gboolean
is_final (HmrRecordKind  kind,
          const char    *state)
{
  if (kind == HMR_RECORD_CASE)
    return g_strcmp0 (state, "transferred") == 0 || g_strcmp0 (state, "duplicate") == 0;
  return FALSE;
}

static const Transition *
find (HmrRecordKind  kind,
      const char    *from,
      const char    *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const Transition *t = &transitions[i];
      if (t->kind != kind || g_strcmp0 (t->to, to) != 0)
        continue;
      if (g_strcmp0 (t->from, from) == 0)
        return t;
      if (g_strcmp0 (t->from, ANY) == 0 && g_strcmp0 (from, to) != 0 && !is_final (kind, from))
        return t;
    }
  return NULL;
}

static gboolean
has_text (const char *s)
{
  for (; s && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

const char *
hmr_workflow_initial_state (HmrRecordKind kind)
{
  switch (kind)
    {
    case HMR_RECORD_CASE: return "new";
    case HMR_RECORD_FOLLOW_UP: return "planned";
    case HMR_RECORD_PLAN:
    case HMR_RECORD_REFERRAL:
    case HMR_RECORD_GRANT:
    case HMR_RECORD_HANDOVER:
      return "draft";
    case HMR_N_RECORDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
hmr_workflow_needs_comment (HmrRecordKind  kind,
                            const char    *from,
                            const char    *to)
{
  const Transition *t = find (kind, from, to);
  return t != NULL && t->comment;
}

/**
 * hmr_workflow_may_move:
 * @record_office_id: (nullable): the office of the record; a caseworker
 *   moves records of their own office only
 * @comment: (nullable): the reason given, for transitions that need one
 */
gboolean
hmr_workflow_may_move (const HmrActor *actor,
                       HmrRecordKind   kind,
                       const char     *from,
                       const char     *to,
                       const char     *record_office_id,
                       const char     *comment,
                       GError        **error)
{
  const Transition *t;

  g_return_val_if_fail (kind < HMR_N_RECORDS, FALSE);

  t = find (kind, from, to);
  if (t == NULL)
    {
      g_set_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_NO_SUCH_TRANSITION,
                   _("Refused: a record cannot go from “%s” to “%s”."), from, to);
      return FALSE;
    }
  if (actor == NULL || actor->role >= HMR_N_ROLES || (t->roles & (1u << actor->role)) == 0)
    {
      g_set_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_ROLE,
                   _("Refused: the %s role may not move a record from “%s” to “%s”."),
                   actor ? hmr_role_get_label (actor->role) : "?", from, to);
      return FALSE;
    }
  if (actor->role == HMR_ROLE_CASEWORKER && record_office_id != NULL &&
      g_strcmp0 (actor->office_id, record_office_id) != 0)
    {
      g_set_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_OFFICE,
                   _("Refused: this record belongs to another office."));
      return FALSE;
    }
  if (t->comment && !has_text (comment))
    {
      g_set_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED,
                   _("Comment: give a reason for moving from “%s” to “%s”."), from, to);
      return FALSE;
    }
  return TRUE;
}

/**
 * hmr_workflow_next_states:
 *
 * Returns: (transfer full): the states @actor may move the record to
 */
char **
hmr_workflow_next_states (const HmrActor *actor,
                          HmrRecordKind   kind,
                          const char     *from,
                          const char     *record_office_id)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const Transition *t = &transitions[i];
      gboolean seen = FALSE;

      if (t->kind != kind)
        continue;
      for (guint j = 0; j < out->len; j++)
        if (g_strcmp0 (g_ptr_array_index (out, j), t->to) == 0)
          seen = TRUE;
      if (!seen && hmr_workflow_may_move (actor, kind, from, t->to, record_office_id, "-", NULL))
        g_ptr_array_add (out, g_strdup (t->to));
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}
