/* hmr-store-backup.c — encrypted backups of the whole database, and their
 * restore (the format is described in hmr-backup.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "hmr-backup.h"
#include "hmr-store-private.h"

G_DEFINE_QUARK (hmr-backup-error-quark, hmr_backup_error)

#define MAGIC "HMRBAK01"
#define MAGIC_LEN 8
#define FORMAT_LINE "hamroh-backup 1\n"
#define CHUNK (64 * 1024)
#define SALT_BYTES crypto_pwhash_SALTBYTES
#define HEADER_BYTES crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define KEY_BYTES crypto_secretstream_xchacha20poly1305_KEYBYTES
/* magic, salt, opslimit, memlimit, stream header */
#define FIXED_BYTES (MAGIC_LEN + SALT_BYTES + 8 + 8 + HEADER_BYTES)

/* ---- small helpers ------------------------------------------------------ */

static void
put_u64 (guchar  *p,
         guint64  v)
{
  for (guint i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint64
get_u64 (const guchar *p)
{
  guint64 v = 0;

  for (guint i = 0; i < 8; i++)
    v |= (guint64) p[i] << (8 * i);
  return v;
}

static gboolean
set_io_error (GError     **error,
              int          saved,
              const char  *path)
{
  g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_FAILED,
               _("The backup “%s” could not be written (%s). Is the disk full? Nothing was saved."),
               path, g_strerror (saved ? saved : EIO));
  return FALSE;
}

static gboolean
derive_key (guchar              key[KEY_BYTES],
            const char         *passphrase,
            const guchar        salt[SALT_BYTES],
            unsigned long long  ops,
            size_t              mem,
            GError            **error)
{
  if (sodium_init () < 0 ||
      crypto_pwhash (key, KEY_BYTES, passphrase, strlen (passphrase), salt, ops, mem,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_FAILED,
                   _("Not enough memory to derive the backup's key."));
      return FALSE;
    }
  return TRUE;
}

static void
remove_partial (const char *partial)
{
  g_autofree char *wal = g_strconcat (partial, "-wal", NULL);
  g_autofree char *shm = g_strconcat (partial, "-shm", NULL);
  g_autofree char *journal = g_strconcat (partial, "-journal", NULL);

  g_unlink (partial);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* A file beside @path that will be renamed to it */
static FILE *
open_partial (const char  *path,
              char       **partial,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  FILE *f;
  int fd;

  *partial = g_build_filename (dir, ".hamroh-partial-XXXXXX", NULL);
  fd = g_mkstemp_full (*partial, O_RDWR, 0600);
  if (fd < 0 || (f = fdopen (fd, "wb")) == NULL)
    {
      int saved = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (*partial);
        }
      g_clear_pointer (partial, g_free);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  return f;
}

/* Flushes, syncs and closes @f; FALSE with the error of the first failure */
static gboolean
close_durably (FILE        *f,
               const char  *name,
               GError     **error)
{
  int saved = 0;

  if (fflush (f) != 0 || ferror (f) || fsync (fileno (f)) != 0)
    saved = errno ? errno : EIO;
  if (fclose (f) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    return set_io_error (error, saved, name);
  return TRUE;
}

/* ---- reading a backup ---------------------------------------------------- */

typedef gboolean (*SinkFunc) (const guchar  *data,
                              gsize          len,
                              gpointer       user_data,
                              GError       **error);

static gboolean
read_exactly (FILE   *f,
              guchar *buf,
              gsize   len)
{
  return fread (buf, 1, len, f) == len;
}

/* Decrypts @path, handing the database's bytes to @sink */
static gboolean
read_backup (const char  *path,
             const char  *passphrase,
             SinkFunc     sink,
             gpointer     sink_data,
             GError     **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree guchar *cipher = g_malloc (CHUNK + ABYTES);
  g_autofree guchar *plain = g_malloc (CHUNK);
  crypto_secretstream_xchacha20poly1305_state state;
  guchar fixed[FIXED_BYTES];
  guchar key[KEY_BYTES];
  guint64 ops, mem;
  gboolean first = TRUE, ok = FALSE;
  unsigned char tag = 0;
  FILE *f;

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!read_exactly (f, fixed, FIXED_BYTES) || memcmp (fixed, MAGIC, MAGIC_LEN) != 0)
    {
      fclose (f);
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_NOT_A_BACKUP,
                   _("“%s” is not a Hamroh backup."), name);
      return FALSE;
    }
  ops = get_u64 (fixed + MAGIC_LEN + SALT_BYTES);
  mem = get_u64 (fixed + MAGIC_LEN + SALT_BYTES + 8);
  /* bounded, so that a crafted file cannot ask for all the memory */
  if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      mem < crypto_pwhash_MEMLIMIT_MIN || mem > crypto_pwhash_MEMLIMIT_SENSITIVE)
    {
      fclose (f);
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_NOT_A_BACKUP,
                   _("“%s” is not a Hamroh backup."), name);
      return FALSE;
    }
  if (!derive_key (key, passphrase, fixed + MAGIC_LEN, ops, mem, error))
    {
      fclose (f);
      return FALSE;
    }
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, fixed + FIXED_BYTES - HEADER_BYTES, key) != 0)
    goto altered;

  for (;;)
    {
      guchar lenbuf[4];
      guint32 len;
      unsigned long long plain_len;

      if (!read_exactly (f, lenbuf, 4))
        break;     /* the end of the file before FINAL: cut short */
      len = lenbuf[0] | (lenbuf[1] << 8) | (lenbuf[2] << 16) | ((guint32) lenbuf[3] << 24);
      if (len < ABYTES || len > CHUNK + ABYTES || !read_exactly (f, cipher, len))
        goto altered;
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain, &plain_len, &tag, cipher, len,
                                                      first ? fixed : NULL, first ? FIXED_BYTES : 0) != 0)
        {
          if (first)
            {
              g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_PASSPHRASE,
                           _("The passphrase is wrong, or the backup “%s” was altered."), name);
              goto out;
            }
          goto altered;
        }
      if (first)
        {
          if (plain_len != strlen (FORMAT_LINE) || memcmp (plain, FORMAT_LINE, plain_len) != 0)
            goto altered;
          first = FALSE;
        }
      else if (!sink (plain, plain_len, sink_data, error))
        goto out;
      if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
        {
          /* nothing may follow the final chunk */
          ok = fgetc (f) == EOF;
          if (!ok)
            goto altered;
          goto out;
        }
    }
  g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_DAMAGED,
               _("The backup “%s” is cut short: it ends before its last chunk. Nothing was restored."), name);
  goto out;

altered:
  g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_DAMAGED,
               _("The backup “%s” is damaged or was altered: a chunk does not authenticate. Nothing was restored."),
               name);
out:
  sodium_memzero (key, sizeof key);
  sodium_memzero (&state, sizeof state);
  fclose (f);
  return ok;
}

/* ---- writing a backup ---------------------------------------------------- */

static gboolean
hash_sink (const guchar  *data,
           gsize          len,
           gpointer       user_data,
           GError       **error)
{
  crypto_generichash_update (user_data, data, len);
  return TRUE;
}

static gboolean
write_message (FILE                                       *out,
               crypto_secretstream_xchacha20poly1305_state *state,
               const guchar                               *plain,
               gsize                                       len,
               const guchar                               *ad,
               gsize                                       ad_len,
               unsigned char                               tag,
               guchar                                     *cipher)
{
  unsigned long long clen;
  guchar lenbuf[4];

  crypto_secretstream_xchacha20poly1305_push (state, cipher, &clen, plain, len, ad, ad_len, tag);
  lenbuf[0] = clen & 0xff;
  lenbuf[1] = (clen >> 8) & 0xff;
  lenbuf[2] = (clen >> 16) & 0xff;
  lenbuf[3] = (clen >> 24) & 0xff;
  return fwrite (lenbuf, 1, 4, out) == 4 && fwrite (cipher, 1, clen, out) == clen;
}

/* SQLite's online backup of the open database into @copy_path */
static gboolean
copy_database (HmrStore    *self,
               const char  *copy_path,
               GError     **error)
{
  sqlite3 *dst = NULL;
  sqlite3_backup *b;
  int rc;

  rc = sqlite3_open_v2 (copy_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_FAILED,
                   _("The database could not be copied: %s"), sqlite3_errmsg (dst));
      sqlite3_close (dst);
      return FALSE;
    }
  b = sqlite3_backup_init (dst, "main", self->db, "main");
  if (b == NULL)
    {
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_FAILED,
                   _("The database could not be copied: %s"), sqlite3_errmsg (dst));
      sqlite3_close (dst);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (b, 1024);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (b);
  if (rc != SQLITE_DONE || sqlite3_close (dst) != SQLITE_OK)
    {
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_FAILED,
                   _("The database could not be copied: %s"), sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* Encrypts @copy_path into @out; @digest gets the plaintext's hash */
static gboolean
encrypt_copy (const char  *copy_path,
              FILE        *out,
              const char  *passphrase,
              const char  *name,
              guchar       digest[crypto_generichash_BYTES],
              GError     **error)
{
  g_autofree guchar *buf = g_malloc (CHUNK);
  g_autofree guchar *next = g_malloc (CHUNK);
  g_autofree guchar *cipher = g_malloc (CHUNK + ABYTES);
  crypto_secretstream_xchacha20poly1305_state state;
  crypto_generichash_state hash;
  guchar fixed[FIXED_BYTES];
  guchar key[KEY_BYTES];
  unsigned long long ops;
  size_t mem;
  gsize len, next_len;
  gboolean ok = TRUE;
  FILE *in;

  in = g_fopen (copy_path, "rb");
  if (in == NULL)
    return set_io_error (error, errno, name);

  hmr_store_password_limits (&ops, &mem);
  memcpy (fixed, MAGIC, MAGIC_LEN);
  randombytes_buf (fixed + MAGIC_LEN, SALT_BYTES);
  put_u64 (fixed + MAGIC_LEN + SALT_BYTES, ops);
  put_u64 (fixed + MAGIC_LEN + SALT_BYTES + 8, mem);
  if (!derive_key (key, passphrase, fixed + MAGIC_LEN, ops, mem, error))
    {
      fclose (in);
      return FALSE;
    }
  crypto_secretstream_xchacha20poly1305_init_push (&state, fixed + FIXED_BYTES - HEADER_BYTES, key);
  sodium_memzero (key, sizeof key);
  crypto_generichash_init (&hash, NULL, 0, crypto_generichash_BYTES);

  ok = fwrite (fixed, 1, FIXED_BYTES, out) == FIXED_BYTES &&
       write_message (out, &state, (const guchar *) FORMAT_LINE, strlen (FORMAT_LINE),
                      fixed, FIXED_BYTES, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, cipher);
  len = fread (buf, 1, CHUNK, in);
  while (ok)
    {
      /* read one ahead, so that the last chunk is tagged FINAL */
      next_len = len == CHUNK ? fread (next, 1, CHUNK, in) : 0;
      crypto_generichash_update (&hash, buf, len);
      ok = write_message (out, &state, buf, len, NULL, 0,
                          next_len == 0 ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                        : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
                          cipher);
      if (next_len == 0)
        break;
      memcpy (buf, next, next_len);
      len = next_len;
    }
  if (ferror (in))
    ok = FALSE;
  fclose (in);
  crypto_generichash_final (&hash, digest, crypto_generichash_BYTES);
  sodium_memzero (&state, sizeof state);
  if (!ok)
    return set_io_error (error, errno, name);
  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d && (entry = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, entry, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

/**
 * hmr_store_backup:
 * @path: the backup file to write; replaced atomically
 * @passphrase: at least %HMR_BACKUP_MIN_PASSPHRASE characters
 *
 * Backs the open database up while it stays in use, encrypted, checks the
 * written file by decrypting it again, and writes a "backup" audit row.
 * Administrators only.  On failure no file is left behind.
 */
gboolean
hmr_store_backup (HmrStore        *self,
                  const HmrActor  *actor,
                  const char      *path,
                  const char      *passphrase,
                  GError         **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *tmpdir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *detail = NULL;
  guchar written[crypto_generichash_BYTES];
  guchar read_back[crypto_generichash_BYTES];
  crypto_generichash_state hash;
  GStatBuf st;
  FILE *out;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BACKUP, NULL, error))
    return FALSE;
  if (passphrase == NULL || g_utf8_strlen (passphrase, -1) < HMR_BACKUP_MIN_PASSPHRASE)
    {
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_PASSPHRASE,
                   _("Passphrase: at least %d characters, so that the backup cannot be guessed open."),
                   HMR_BACKUP_MIN_PASSPHRASE);
      return FALSE;
    }

  /* the plain copy lives only in a folder of its own, readable by the
   * owner only, and is removed whatever happens */
  tmpdir = g_dir_make_tmp ("hamroh-backup-XXXXXX", error);
  if (tmpdir == NULL)
    return FALSE;
  copy = g_build_filename (tmpdir, "copy.sqlite3", NULL);
  if (!copy_database (self, copy, error))
    {
      remove_tree (tmpdir);
      return FALSE;
    }

  out = open_partial (path, &partial, error);
  if (out == NULL)
    {
      remove_tree (tmpdir);
      return FALSE;
    }
  if (!encrypt_copy (copy, out, passphrase, name, written, error))
    {
      fclose (out);
      remove_tree (tmpdir);
      g_unlink (partial);
      return FALSE;
    }
  remove_tree (tmpdir);
  if (!close_durably (out, name, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  /* read back what is on the disk: every chunk must authenticate and the
   * whole must be what was copied */
  crypto_generichash_init (&hash, NULL, 0, crypto_generichash_BYTES);
  if (!read_backup (partial, passphrase, hash_sink, &hash, error))
    {
      g_unlink (partial);
      g_prefix_error (error, _("The backup did not read back: "));
      return FALSE;
    }
  crypto_generichash_final (&hash, read_back, sizeof read_back);
  if (sodium_memcmp (written, read_back, sizeof written) != 0)
    {
      g_unlink (partial);
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_FAILED,
                   _("The backup “%s” did not read back as it was written. Nothing was saved."), name);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  sync_folder (path);

  detail = g_strdup_printf ("%s, %" G_GINT64_FORMAT " bytes", name,
                            g_stat (path, &st) == 0 ? (gint64) st.st_size : (gint64) -1);
  if (!hmr_store_audit_event (self, actor, "backup", "database", NULL, detail, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

/* ---- restoring ------------------------------------------------------------ */

static gboolean
file_sink (const guchar  *data,
           gsize          len,
           gpointer       user_data,
           GError       **error)
{
  if (fwrite (data, 1, len, user_data) != len)
    {
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_FAILED,
                   _("The restored database could not be written (%s). Is the disk full? Nothing was restored."),
                   g_strerror (errno ? errno : EIO));
      return FALSE;
    }
  return TRUE;
}

/**
 * hmr_backup_restore:
 * @to_path: the new database file; must not exist
 *
 * Decrypts @backup_path into a new database at @to_path and keeps it only
 * when it is whole: every chunk authenticates, PRAGMA integrity_check
 * passes and the audit chain holds.  The restored database's audit chain
 * is anchored afresh (hmr-store-anchor.c).  Nothing is written over an
 * existing file, least of all the database in use.
 */
gboolean
hmr_backup_restore (const char  *backup_path,
                    const char  *to_path,
                    const char  *passphrase,
                    GError     **error)
{
  g_autofree char *name = g_path_get_basename (to_path);
  g_autofree char *partial = NULL;
  g_autofree char *head_hash = NULL;
  g_autoptr(HmrStore) store = NULL;
  gint64 checked = 0, broken = 0, head_seq = 0;
  FILE *out;

  if (g_file_test (to_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_EXISTS,
                   _("“%s” already exists: a backup is restored into a new file only. Choose another name."),
                   to_path);
      return FALSE;
    }
  out = open_partial (to_path, &partial, error);
  if (out == NULL)
    return FALSE;
  if (!read_backup (backup_path, passphrase ? passphrase : "", file_sink, out, error))
    {
      fclose (out);
      remove_partial (partial);
      return FALSE;
    }
  if (!close_durably (out, name, error))
    {
      remove_partial (partial);
      return FALSE;
    }

  store = hmr_store_open (partial, error);
  if (store == NULL ||
      !hmr_store_check_integrity (store, error) ||
      !hmr_store_verify_audit_chain (store, &checked, &broken, &head_seq, &head_hash, error))
    {
      g_clear_object (&store);
      remove_partial (partial);
      g_prefix_error (error, _("The restored database is not intact, nothing was kept: "));
      return FALSE;
    }
  g_clear_object (&store);
  if (broken != 0)
    {
      remove_partial (partial);
      g_set_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_DAMAGED,
                   _("The restored database's audit chain is broken at row %lld: nothing was kept."),
                   (long long) broken);
      return FALSE;
    }

  if (g_rename (partial, to_path) != 0)
    {
      int saved = errno;
      remove_partial (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save “%s”: %s"), to_path, g_strerror (saved));
      return FALSE;
    }
  sync_folder (to_path);

  /* from now on its chain is anchored at the head it was restored with */
  if (head_seq > 0)
    {
      store = hmr_store_open (to_path, error);
      if (store == NULL || !hmr_store_write_anchor (store, head_seq, head_hash, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- file names and rotation --------------------------------------------- */

#define NAME_PREFIX "hamroh-"
#define NAME_SUFFIX ".hamroh-backup"

/* "hamroh-2026-12-07-231502.hamroh-backup": sorts by time */
char *
hmr_backup_dup_file_name (GDateTime *when)
{
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M%S");

  return g_strconcat (NAME_PREFIX, stamp, NAME_SUFFIX, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * hmr_backup_rotate:
 * @keep: how many of the newest backups to keep (at least 1)
 *
 * Removes the oldest of the backups named by hmr_backup_dup_file_name() in
 * @folder beyond the newest @keep.  Other files are never touched.
 *
 * Returns: how many were removed
 */
guint
hmr_backup_rotate (const char  *folder,
                   guint        keep,
                   GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  guint removed = 0;

  g_return_val_if_fail (keep >= 1, 0);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return 0;
  while ((entry = g_dir_read_name (dir)))
    if (g_str_has_prefix (entry, NAME_PREFIX) && g_str_has_suffix (entry, NAME_SUFFIX))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *p = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (p) == 0)
        removed++;
    }
  return removed;
}
