/* hmr-area-page.c
 *
 * Every area of the main window (Today, the referral board, finance…)
 * is a page made for one store and one user, both fixed for its whole
 * life: they are construct-only properties here, once, rather than in
 * each page.  They are let go in finalize, not dispose, so that a signal
 * or an idle arriving while the page is being torn down still finds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-area-page.h"

typedef struct
{
  HmrStore *store;
  HmrActor *actor;
} HmrAreaPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HmrAreaPage, hmr_area_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hmr_area_page_finalize (GObject *object)
{
  HmrAreaPagePrivate *priv = hmr_area_page_get_instance_private (HMR_AREA_PAGE (object));

  g_clear_object (&priv->store);
  g_clear_pointer (&priv->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_area_page_parent_class)->finalize (object);
}

static void
hmr_area_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HmrAreaPagePrivate *priv = hmr_area_page_get_instance_private (HMR_AREA_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, priv->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_area_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HmrAreaPagePrivate *priv = hmr_area_page_get_instance_private (HMR_AREA_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      priv->actor = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_area_page_class_init (HmrAreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hmr_area_page_finalize;
  object_class->get_property = hmr_area_page_get_property;
  object_class->set_property = hmr_area_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hmr_area_page_init (HmrAreaPage *self)
{
}

/**
 * hmr_area_page_get_store:
 *
 * Returns: (transfer none): the store the page reads and writes
 */
HmrStore *
hmr_area_page_get_store (HmrAreaPage *self)
{
  HmrAreaPagePrivate *priv;

  g_return_val_if_fail (HMR_IS_AREA_PAGE (self), NULL);

  priv = hmr_area_page_get_instance_private (self);
  return priv->store;
}

/**
 * hmr_area_page_get_actor:
 *
 * Returns: (transfer none): the user the page acts for
 */
const HmrActor *
hmr_area_page_get_actor (HmrAreaPage *self)
{
  HmrAreaPagePrivate *priv;

  g_return_val_if_fail (HMR_IS_AREA_PAGE (self), NULL);

  priv = hmr_area_page_get_instance_private (self);
  return priv->actor;
}
