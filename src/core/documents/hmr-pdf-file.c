/* hmr-pdf-file.c — a PDF that appears only when it was written whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "hmr-pdf-file.h"

struct _HmrPdfFile
{
  char    *path;
  char    *partial;
  FILE    *file;
  guint64  written;
  int      write_errno;   /* the first failed write's, 0 when none */
};

static void
free_self (HmrPdfFile *self)
{
  if (self->file)
    fclose (self->file);
  g_free (self->path);
  g_free (self->partial);
  g_free (self);
}

/**
 * hmr_pdf_file_new:
 * @path: the PDF to write; replaced atomically at the end
 *
 * Returns: (nullable): the file being written, or %NULL with @error when
 *   its folder does not take a new file
 */
HmrPdfFile *
hmr_pdf_file_new (const char  *path,
                  GError     **error)
{
  HmrPdfFile *self = g_new0 (HmrPdfFile, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  self->path = g_strdup (path);
  /* beside its final name, so that the rename is atomic */
  self->partial = g_build_filename (dir, ".hamroh-partial-XXXXXX", NULL);
  fd = g_mkstemp_full (self->partial, O_RDWR, 0600);
  if (fd < 0 || (self->file = fdopen (fd, "wb")) == NULL)
    {
      int saved = errno;

      if (fd >= 0)
        {
          close (fd);
          g_unlink (self->partial);
        }
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved));
      free_self (self);
      return NULL;
    }
  return self;
}

static cairo_status_t
write_func (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  HmrPdfFile *self = closure;

  if (self->write_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, self->file) != length)
    {
      self->write_errno = errno ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  self->written += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
hmr_pdf_file_create_surface (HmrPdfFile *self,
                             double      width,
                             double      height)
{
  return cairo_pdf_surface_create_for_stream (write_func, self, width, height);
}

/* The file on the disk is the whole of what cairo wrote, and a PDF from
 * its header to its end-of-file mark */
static gboolean
reads_back_whole (HmrPdfFile  *self,
                  char       **problem)
{
  char head[8] = { 0 };
  char tail[32] = { 0 };
  GStatBuf st;
  FILE *f;
  size_t n_tail;
  gboolean ok;

  if (g_stat (self->partial, &st) != 0 || st.st_size == 0 || (guint64) st.st_size != self->written)
    {
      *problem = g_strdup ("its size is not what was written");
      return FALSE;
    }
  f = g_fopen (self->partial, "rb");
  if (f == NULL)
    {
      *problem = g_strdup (g_strerror (errno));
      return FALSE;
    }
  ok = fread (head, 1, 5, f) == 5 && memcmp (head, "%PDF-", 5) == 0;
  n_tail = MIN ((size_t) st.st_size, sizeof tail - 1);
  ok = ok && fseek (f, -(long) n_tail, SEEK_END) == 0 &&
       fread (tail, 1, n_tail, f) == n_tail && strstr (tail, "%%EOF") != NULL;
  fclose (f);
  if (!ok)
    *problem = g_strdup ("it does not begin and end as a PDF does");
  return ok;
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

gboolean
hmr_pdf_file_finish (HmrPdfFile       *self,
                     cairo_surface_t  *surface,
                     GError          **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *base = g_path_get_basename (self->path);
  cairo_status_t status;
  FILE *file;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  file = g_steal_pointer (&self->file);
  if (self->write_errno != 0)
    problem = g_strdup (g_strerror (self->write_errno));
  else if (status != CAIRO_STATUS_SUCCESS)
    problem = g_strdup (cairo_status_to_string (status));
  else if (fflush (file) != 0 || ferror (file) || fsync (fileno (file)) != 0)
    problem = g_strdup (g_strerror (errno ? errno : EIO));
  if (fclose (file) != 0 && problem == NULL)
    problem = g_strdup (g_strerror (errno));
  if (problem == NULL)
    reads_back_whole (self, &problem);
  if (problem != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF “%s” could not be written (%s). Is the disk full? Nothing was saved."),
                   base, problem);
      g_unlink (self->partial);
      free_self (self);
      return FALSE;
    }
  if (g_rename (self->partial, self->path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save “%s”: %s"), self->path, g_strerror (saved));
      g_unlink (self->partial);
      free_self (self);
      return FALSE;
    }
  g_chmod (self->path, 0600);
  sync_folder (self->path);
  free_self (self);
  return TRUE;
}

/* Gives up: removes what was written so far.  Frees @self. */
void
hmr_pdf_file_abandon (HmrPdfFile *self)
{
  if (self->file)
    {
      fclose (self->file);
      self->file = NULL;
    }
  g_unlink (self->partial);
  free_self (self);
}
