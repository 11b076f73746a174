/* hmr-gui-test-util.h — what the in-process GUI tests share: a database in
 * a temporary folder with its users, the application, waiting for the main
 * loop, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-application.h"
#include "hmr-store.h"
#include "hmr-window.h"
#include "hmr-beneficiaries-page.h"
#include "hmr-beneficiary-form.h"
#include "hmr-beneficiary-detail.h"
#include "hmr-login-window.h"

G_BEGIN_DECLS

/* Passwords of the users every fixture has */
#define HMR_TEST_PASSWORD "Kishti-Sabz-2026"
#define HMR_TEST_DUSTI_OFFICE "00000000-0000-4000-8000-000000000001"

typedef struct
{
  char           *dir;
  char           *path;
  HmrStore       *store;
  HmrActor       *admin;
  HmrActor       *caseworker;
  HmrActor       *supervisor;
  HmrActor       *finance;
  HmrApplication *app;
} HmrGuiFixture;

void            hmr_gui_test_init            (int            *argc,
                                              char         ***argv);

void            hmr_gui_fixture_set_up       (HmrGuiFixture  *fixture,
                                              gconstpointer   data);
void            hmr_gui_fixture_tear_down    (HmrGuiFixture  *fixture,
                                              gconstpointer   data);
void            hmr_gui_fixture_add_beneficiaries (HmrGuiFixture *fixture,
                                              guint           n);
HmrBeneficiary *hmr_gui_test_new_beneficiary (const char     *family_name,
                                              const char     *given_name,
                                              const char     *birth_date);

typedef gboolean (*HmrTestCondition) (gpointer user_data);

gboolean        hmr_gui_test_wait_until      (HmrTestCondition condition,
                                              gpointer         user_data,
                                              guint            timeout_ms);
void            hmr_gui_test_flush           (void);
HmrWindow      *hmr_gui_test_open_window     (HmrGuiFixture   *fixture,
                                              const HmrActor  *actor);
GtkWindow      *hmr_gui_test_find_window     (GType            type);
void            hmr_gui_test_destroy_windows (void);
void            hmr_gui_test_screenshot      (GtkWidget       *widget,
                                              const char      *name);
GtkWidget      *hmr_gui_test_find_widget     (GtkWidget       *root,
                                              GType            type,
                                              const char      *title);
GtkWidget      *hmr_gui_test_find_label      (GtkWidget       *root,
                                              const char      *text);
void            hmr_gui_test_select_choice   (AdwComboRow     *row,
                                              const char      *label);
guint           hmr_gui_test_count_rows      (HmrStore        *store,
                                              const HmrActor  *actor,
                                              gboolean         include_archived);
gboolean        hmr_gui_test_wait_background_work (HmrGuiFixture *fixture,
                                              guint            timeout_ms);
gboolean        hmr_gui_test_export_left     (const char      *dir,
                                              const char      *name);

G_END_DECLS
