/* hmr-backup.h — encrypted backups of the whole database
 *
 * A backup is SQLite's online copy of the database (taken while Hamroh
 * runs), encrypted with libsodium's secretstream (XChaCha20-Poly1305) under
 * a key derived from a passphrase with Argon2id.  It is read back and
 * checked before it takes its name.  A restore writes a new database file,
 * never over an existing one, and keeps it only when every chunk
 * authenticates, the file passes PRAGMA integrity_check and its audit
 * chain is whole; the restored file is then anchored afresh.
 *
 * File layout: "HMRBAK01", the Argon2id salt, its opslimit and memlimit
 * (64-bit little-endian), the secretstream header, then messages, each a
 * 32-bit little-endian length and its ciphertext: a first message naming
 * the format, then the database in chunks, the last tagged FINAL.  The
 * fixed part is the first message's additional data, so no byte of the
 * file can change unnoticed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_BACKUP_ERROR (hmr_backup_error_quark ())
GQuark hmr_backup_error_quark (void);

typedef enum
{
  HMR_BACKUP_ERROR_FAILED,
  HMR_BACKUP_ERROR_PASSPHRASE,   /* wrong passphrase, or the file was altered */
  HMR_BACKUP_ERROR_NOT_A_BACKUP,
  HMR_BACKUP_ERROR_EXISTS,       /* a restore never writes over a file */
  HMR_BACKUP_ERROR_DAMAGED,      /* restored, but not intact: nothing kept */
} HmrBackupError;

#define HMR_BACKUP_MIN_PASSPHRASE 12

gboolean  hmr_store_backup          (HmrStore        *store,
                                     const HmrActor  *actor,
                                     const char      *path,
                                     const char      *passphrase,
                                     GError         **error);
gboolean  hmr_backup_restore        (const char      *backup_path,
                                     const char      *to_path,
                                     const char      *passphrase,
                                     GError         **error);
guint     hmr_backup_rotate         (const char      *folder,
                                     guint            keep,
                                     GError         **error);
char     *hmr_backup_dup_file_name  (GDateTime       *when);

G_END_DECLS
