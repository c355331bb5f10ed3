"""Generated from validator/model/records.py by `factcheck schema`; do not edit.

pydantic's core schemas of the models, validating into the plain classes (see validator/model/compiling.py).
"""

# ruff: noqa

from datetime import date
from decimal import Decimal

from validator.model import plain as p
from validator.model import vocabulary as v

PYDANTIC_CORE = '2.50.5'
CLAIM = {
    'type': 'model',
    'cls': p.Claim,
    'schema': {
        'type': 'model-fields',
        'fields': {
            'id': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'max_length': 120,
                    'pattern': '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                },
            },
            'claim': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 10000,
                },
            },
            'quote': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 10000,
                },
            },
            'as_written': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 10000,
                },
            },
            'value': {
                'type': 'model-field',
                'schema': {
                    'type': 'function-before',
                    'function': {
                        'type': 'no-info',
                        'function': v.exact_number,
                    },
                    'schema': {
                        'type': 'decimal',
                    },
                },
            },
            'unit': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'max_length': 40,
                    'pattern': '^(?:[A-Z]{3}|[a-z][a-z0-9_]*)$',
                },
            },
            'source': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'max_length': 120,
                    'pattern': '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                },
            },
            'measure': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 10000,
                },
            },
            'claimant': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 10000,
                },
            },
            'verdict': {
                'type': 'model-field',
                'schema': {
                    'type': 'model',
                    'cls': p.Verdict,
                    'schema': {
                        'type': 'model-fields',
                        'fields': {
                            'rating': {
                                'type': 'model-field',
                                'schema': {
                                    'type': 'enum',
                                    'cls': v.Rating,
                                    'members': [
                                        v.Rating.ACCURATE,
                                        v.Rating.MOSTLY_ACCURATE,
                                        v.Rating.OUTDATED,
                                        v.Rating.MISLEADING,
                                        v.Rating.INACCURATE,
                                        v.Rating.UNVERIFIABLE,
                                    ],
                                    'sub_type': 'str',
                                    'ref': 'validator.model.vocabulary.Rating',
                                },
                            },
                            'explanation': {
                                'type': 'model-field',
                                'schema': {
                                    'type': 'str',
                                    'min_length': 1,
                                    'max_length': 10000,
                                },
                            },
                            'checked_against': {
                                'type': 'model-field',
                                'schema': {
                                    'type': 'default',
                                    'schema': {
                                        'type': 'list',
                                        'items_schema': {
                                            'type': 'str',
                                            'max_length': 120,
                                            'pattern': '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                                        },
                                    },
                                    'default_factory': list,
                                    'default_factory_takes_data': False,
                                },
                            },
                        },
                        'model_name': 'Verdict',
                        'computed_fields': [],
                    },
                    'custom_init': False,
                    'root_model': False,
                    'config': {
                        'extra_fields_behavior': 'forbid',
                        'title': 'Verdict',
                    },
                    'ref': 'validator.model.records.Verdict',
                },
            },
            'approximate': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'bool',
                        'strict': True,
                    },
                    'default': False,
                },
            },
            'exact': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'bool',
                        'strict': True,
                    },
                    'default': False,
                },
            },
            'period': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': p.Period,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'start': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'function-before',
                                            'function': {
                                                'type': 'no-info',
                                                'function': v.iso_date,
                                            },
                                            'schema': {
                                                'type': 'date',
                                            },
                                        },
                                    },
                                    'end': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'function-before',
                                            'function': {
                                                'type': 'no-info',
                                                'function': v.iso_date,
                                            },
                                            'schema': {
                                                'type': 'date',
                                            },
                                        },
                                    },
                                },
                                'model_name': 'Period',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'title': 'Period',
                            },
                            'ref': 'validator.model.records.Period',
                        },
                    },
                    'default': None,
                },
            },
            'as_of': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'function-before',
                            'function': {
                                'type': 'no-info',
                                'function': v.iso_date,
                            },
                            'schema': {
                                'type': 'date',
                            },
                        },
                    },
                    'default': None,
                },
            },
            'per': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'literal',
                            'expected': [
                                'day',
                                'week',
                                'month',
                                'quarter',
                                'year',
                            ],
                        },
                    },
                    'default': None,
                },
            },
            'geography': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                        },
                    },
                    'default': None,
                },
            },
            'primary_source': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                            'max_length': 120,
                            'pattern': '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                        },
                    },
                    'default': None,
                },
            },
            'implied': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'bool',
                        'strict': True,
                    },
                    'default': False,
                },
            },
            'derived_from': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'model',
                            'cls': p.Derivation,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'operation': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'literal',
                                            'expected': [
                                                'sum',
                                                'difference',
                                                'product',
                                                'ratio',
                                                'percent_of',
                                                'rate_times_duration',
                                                'equal',
                                            ],
                                        },
                                    },
                                    'operands': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'list',
                                            'items_schema': {
                                                'type': 'str',
                                                'max_length': 120,
                                                'pattern': '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                                            },
                                            'min_length': 1,
                                            'max_length': 100,
                                        },
                                    },
                                    'note': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'nullable',
                                                'schema': {
                                                    'type': 'str',
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'Derivation',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'title': 'Derivation',
                            },
                            'ref': 'validator.model.records.Derivation',
                        },
                    },
                    'default': None,
                },
            },
            'equivalents': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'list',
                        'items_schema': {
                            'type': 'model',
                            'cls': p.Equivalent,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'as_written': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'str',
                                            'min_length': 1,
                                            'max_length': 10000,
                                        },
                                    },
                                    'value': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'function-before',
                                            'function': {
                                                'type': 'no-info',
                                                'function': v.exact_number,
                                            },
                                            'schema': {
                                                'type': 'decimal',
                                            },
                                        },
                                    },
                                    'unit': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'str',
                                            'max_length': 40,
                                            'pattern': '^(?:[A-Z]{3}|[a-z][a-z0-9_]*)$',
                                        },
                                    },
                                    'exact': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'bool',
                                                'strict': True,
                                            },
                                            'default': False,
                                        },
                                    },
                                    'converted_on': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'default',
                                            'schema': {
                                                'type': 'nullable',
                                                'schema': {
                                                    'type': 'function-before',
                                                    'function': {
                                                        'type': 'no-info',
                                                        'function': v.iso_date,
                                                    },
                                                    'schema': {
                                                        'type': 'date',
                                                    },
                                                },
                                            },
                                            'default': None,
                                        },
                                    },
                                },
                                'model_name': 'Equivalent',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'title': 'Equivalent',
                            },
                            'ref': 'validator.model.records.Equivalent',
                        },
                    },
                    'default_factory': list,
                    'default_factory_takes_data': False,
                },
            },
            'tags': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'list',
                        'items_schema': {
                            'type': 'str',
                            'max_length': 120,
                            'pattern': '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                        },
                    },
                    'default_factory': list,
                    'default_factory_takes_data': False,
                },
            },
            'waive': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'dict',
                        'keys_schema': {
                            'type': 'str',
                            'pattern': '^FC[0-9]{3}$',
                        },
                        'values_schema': {
                            'type': 'str',
                        },
                    },
                    'default_factory': dict,
                    'default_factory_takes_data': False,
                },
            },
        },
        'model_name': 'Claim',
        'computed_fields': [],
    },
    'custom_init': False,
    'root_model': False,
    'config': {
        'extra_fields_behavior': 'forbid',
        'title': 'Claim',
    },
    'ref': 'validator.model.records.Claim',
}
SOURCE = {
    'type': 'model',
    'cls': p.Source,
    'schema': {
        'type': 'model-fields',
        'fields': {
            'id': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'max_length': 120,
                    'pattern': '^[a-z0-9]+(?:-[a-z0-9]+)*$',
                },
            },
            'title': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 10000,
                },
            },
            'publisher': {
                'type': 'model-field',
                'schema': {
                    'type': 'str',
                    'min_length': 1,
                    'max_length': 10000,
                },
            },
            'kind': {
                'type': 'model-field',
                'schema': {
                    'type': 'enum',
                    'cls': v.SourceKind,
                    'members': [
                        v.SourceKind.ARTICLE,
                        v.SourceKind.PRESS_RELEASE,
                        v.SourceKind.STATEMENT,
                        v.SourceKind.REPORT,
                        v.SourceKind.BLOG_POST,
                        v.SourceKind.WEB_PAGE,
                        v.SourceKind.SOCIAL_POST,
                        v.SourceKind.DATASET,
                        v.SourceKind.OTHER,
                    ],
                    'sub_type': 'str',
                    'ref': 'validator.model.vocabulary.SourceKind',
                },
            },
            'url': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                            'max_length': 2000,
                            'pattern': '^https?://[^\\s]+$',
                        },
                    },
                    'default': None,
                },
            },
            'published': {
                'type': 'model-field',
                'schema': {
                    'type': 'function-before',
                    'function': {
                        'type': 'no-info',
                        'function': v.iso_date,
                    },
                    'schema': {
                        'type': 'date',
                    },
                },
            },
            'author': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                        },
                    },
                    'default': None,
                },
            },
            'archive_url': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                            'max_length': 2000,
                            'pattern': '^https?://[^\\s]+$',
                        },
                    },
                    'default': None,
                },
            },
            'language': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                            'pattern': '^[a-z]{2,3}(?:-[A-Z]{2})?$',
                        },
                    },
                    'default': None,
                },
            },
            'notes': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                        },
                    },
                    'default': None,
                },
            },
            'snapshot_sha256': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'nullable',
                        'schema': {
                            'type': 'str',
                            'pattern': '^[0-9a-f]{64}$',
                        },
                    },
                    'default': None,
                },
            },
            'set_aside': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'list',
                        'items_schema': {
                            'type': 'model',
                            'cls': p.SetAside,
                            'schema': {
                                'type': 'model-fields',
                                'fields': {
                                    'text': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'str',
                                            'min_length': 1,
                                            'max_length': 10000,
                                        },
                                    },
                                    'reason': {
                                        'type': 'model-field',
                                        'schema': {
                                            'type': 'str',
                                            'min_length': 1,
                                            'max_length': 10000,
                                        },
                                    },
                                },
                                'model_name': 'SetAside',
                                'computed_fields': [],
                            },
                            'custom_init': False,
                            'root_model': False,
                            'config': {
                                'extra_fields_behavior': 'forbid',
                                'title': 'SetAside',
                            },
                            'ref': 'validator.model.records.SetAside',
                        },
                    },
                    'default_factory': list,
                    'default_factory_takes_data': False,
                },
            },
            'waive': {
                'type': 'model-field',
                'schema': {
                    'type': 'default',
                    'schema': {
                        'type': 'dict',
                        'keys_schema': {
                            'type': 'str',
                            'pattern': '^FC[0-9]{3}$',
                        },
                        'values_schema': {
                            'type': 'str',
                        },
                    },
                    'default_factory': dict,
                    'default_factory_takes_data': False,
                },
            },
        },
        'model_name': 'Source',
        'computed_fields': [],
    },
    'custom_init': False,
    'root_model': False,
    'config': {
        'extra_fields_behavior': 'forbid',
        'title': 'Source',
    },
    'ref': 'validator.model.records.Source',
}
