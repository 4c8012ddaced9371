import type { Area } from '../types.ts';
import { commitment10, commitment11, commitment12 } from './commitments.ts';
import { expertRating, PERCENT_RANGE } from './shared.ts';

/*
 * Area 3 — the foundation steps: the fundamental conditions for building a learning city.
 * Text verbatim from seed 001, section "2. List of key features and measurement".
 *
 * Extraction oddities in this part of the table, and what we did:
 * - The last three features are written "3-3-3", "3-3-4", "3-3-5"; normalised to 3.3.3, 3.3.4, 3.3.5.
 * - 3.3.1b's breakdown cell lists only "Basic education (ISCED 0-3)"; the other levels are lost and are
 *   reconstructed and marked below.
 * - The titles of 3.3.3–3.3.5 differ slightly from Beijing commitment 12's actions ("citizens and residents",
 *   "between different cities"); the table's wording is kept.
 */

export const area3: Area = {
  id: '3',
  role: 'steps',
  title: 'Fundamental conditions for building a learning city',
  focusAreas: [
    {
      id: '3.1',
      areaId: '3',
      title: 'Strengthening political will and commitment',
      commitment: commitment10,
      features: [
        {
          code: '3.1.1',
          focusAreaId: '3.1',
          title:
            'Demonstrating strong political leadership and making a steadfast commitment to turning our cities into learning cities',
          measurements: [
            expertRating(
              '3.1.1a',
              '3.1.1',
              'Leadership',
              'The strength and commitment of leadership demonstrated in developing and implementing the learning city strategy',
            ),
          ],
        },
        {
          code: '3.1.2',
          focusAreaId: '3.1',
          title:
            'Developing and implementing well grounded and participatory strategies for promoting lifelong learning for all',
          measurements: [
            expertRating(
              '3.1.2a',
              '3.1.2',
              'Public policy and strategy',
              "Legislation, public policy and strategy for promoting 'lifelong learning for all' adopted by the city council",
            ),
          ],
        },
        {
          code: '3.1.3',
          focusAreaId: '3.1',
          title: 'Monitoring progress towards becoming a learning city',
          measurements: [
            expertRating(
              '3.1.3a',
              '3.1.3',
              'Measures to monitor progress',
              'Measures adopted by the city authorities to monitor progress in developing and implementing the learning city strategy',
            ),
          ],
        },
      ],
    },
    {
      id: '3.2',
      areaId: '3',
      title: 'Improving governance and participation of all stakeholders',
      commitment: commitment11,
      features: [
        {
          code: '3.2.1',
          focusAreaId: '3.2',
          title:
            'Establishing inter-sectoral coordination mechanisms to involve governmental and non-governmental organizations and the private sector',
          measurements: [
            expertRating(
              '3.2.1a',
              '3.2.1',
              'Mechanisms for stakeholder coordination',
              'The effectiveness of measures to encourage stakeholder mobilization and coordination in developing learning cities',
              { mexicoDirections: [7] },
            ),
          ],
        },
        {
          code: '3.2.2',
          focusAreaId: '3.2',
          title:
            'Encouraging all stakeholders to provide quality learning opportunities and to make their own unique contribution to building a learning city',
          measurements: [
            expertRating(
              '3.2.2a',
              '3.2.2',
              "Stakeholders' participation",
              "Stakeholders' commitment, plans and actions to develop better and more accessible learning opportunities within their areas of responsibility",
              { mexicoDirections: [7] },
            ),
            expertRating(
              '3.2.2b',
              '3.2.2',
              "Private sectors' commitment",
              'The existence of partnerships and cooperation between the city and the private sectors to support the learning city strategy',
              { mexicoDirections: [7] },
            ),
          ],
        },
      ],
    },
    {
      id: '3.3',
      areaId: '3',
      title: 'Boosting resource mobilization and utilization',
      commitment: commitment12,
      features: [
        {
          code: '3.3.1',
          focusAreaId: '3.3',
          title: 'Encouraging greater financial investment in lifelong learning by government',
          measurements: [
            {
              id: '3.3.1a',
              featureCode: '3.3.1',
              name: 'Financial investment in education and learning',
              definition: 'Public expenditure on education and learning as a percentage of the total city budget',
              source: 'official',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
            },
            {
              // Shares of one budget across levels: no level's share is better for being larger.
              id: '3.3.1b',
              featureCode: '3.3.1',
              name: 'Distribution of public education expenditure',
              definition: 'Percentage of public education expenditure spent at different levels/types of education',
              source: 'official',
              unit: 'percent',
              breakdowns: [
                {
                  dimension: 'level',
                  categories: ['basic', 'post-secondary-non-tertiary', 'tertiary', 'adult-continuing'],
                },
              ],
              polarity: 'none',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
              reconstruction: {
                reconstructed: true,
                note: "The seed table lists only the first level of this breakdown, 'Basic education (ISCED 0-3)'; the other rows were lost in the extraction. Reconstructed so that the shares can cover the whole budget: 'basic' (ISCED 0–3), 'post-secondary-non-tertiary' (ISCED 4), 'tertiary' (ISCED 5–8) and 'adult-continuing' (adult and continuing, non-formal education, as in measurement 2.5.3a).",
              },
            },
          ],
        },
        {
          code: '3.3.2',
          focusAreaId: '3.3',
          title:
            'Making effective use of the learning resources of all stakeholders to support lifelong learning for all',
          measurements: [
            expertRating(
              '3.3.2a',
              '3.3.2',
              'Effective use of resources',
              'Innovative ways of mapping and utilizing human, financial, cultural and other resources available to city to facilitate learning in the city',
            ),
          ],
        },
        {
          code: '3.3.3',
          focusAreaId: '3.3',
          title: 'Adopting pro-poor funding policies and providing various types of support to disadvantaged groups',
          measurements: [
            expertRating(
              '3.3.3a',
              '3.3.3',
              'Subsidies to disadvantaged groups',
              'The allocation and effective use of funds to support the participation of disadvantaged groups in learning',
              { mexicoDirections: [6] },
            ),
          ],
        },
        {
          code: '3.3.4',
          focusAreaId: '3.3',
          title:
            'Encouraging citizens and residents to contribute their talents, skills, knowledge and experience on a voluntary basis',
          measurements: [
            {
              id: '3.3.4a',
              featureCode: '3.3.4',
              name: "Citizens' contribution to helping other citizens learn",
              definition:
                'Percentage of citizens who contribute their skills, knowledge and experience to help other citizens learn at least once a month in the 12 months preceding the survey',
              source: 'survey',
              unit: 'percent',
              breakdowns: [],
              polarity: 'higher-better',
              range: PERCENT_RANGE,
              sdgTargets: [],
              mexicoDirections: [],
            },
          ],
        },
        {
          code: '3.3.5',
          focusAreaId: '3.3',
          title: 'Encouraging the exchange of ideas, experiences and best practice between different cities',
          measurements: [
            expertRating(
              '3.3.5a',
              '3.3.5',
              'International partnership',
              'Progress in facilitating and utilizing opportunities for international partnerships and exchanges with other learning cities',
            ),
          ],
        },
      ],
    },
  ],
};
