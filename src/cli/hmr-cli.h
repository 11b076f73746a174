/* hmr-cli.h — shared by the hamroh-cli commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_CLI_EXIT_REFUSED 1
#define HMR_CLI_EXIT_USAGE 2

typedef struct
{
  char *database;
  char *user;
  char *password_file;
} HmrCliGlobals;

/* argv[0] is the command (or the export kind) */
typedef int (*HmrCliCommand) (HmrStore            *store,
                              const HmrCliGlobals *g,
                              int                  argc,
                              char               **argv);

int         hmr_cli_usage_error   (const char           *message);
int         hmr_cli_refused       (GError               *error);
HmrActor   *hmr_cli_authenticate  (HmrStore             *store,
                                   const HmrCliGlobals  *g,
                                   GError              **error);
const char *hmr_cli_output_path   (int                   argc,
                                   char                **argv);

/* export commands, one file each */
int hmr_cli_export_beneficiaries  (HmrStore *store, const HmrCliGlobals *g, int argc, char **argv);
int hmr_cli_export_referrals      (HmrStore *store, const HmrCliGlobals *g, int argc, char **argv);
int hmr_cli_referral              (HmrStore *store, const HmrCliGlobals *g, int argc, char **argv);

int hmr_cli_export_grants         (HmrStore *store, const HmrCliGlobals *g, int argc, char **argv);
int hmr_cli_export_handovers      (HmrStore *store, const HmrCliGlobals *g, int argc, char **argv);
int hmr_cli_act                   (HmrStore *store, const HmrCliGlobals *g, int argc, char **argv);
int hmr_cli_today                 (HmrStore *store, const HmrCliGlobals *g, int argc, char **argv);

G_END_DECLS
