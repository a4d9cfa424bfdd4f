import type { JSX } from 'preact';
import { Choice, ChoiceGroup } from '../../shared/Field.js';
import { usePortal } from '../context.js';
import type { StepProps } from './ReportWizard.js';
import { controlIdOf } from './steps.js';

export function CategoryStep({ draft, update, errors }: StepProps): JSX.Element {
  const { t, config } = usePortal();
  return (
    <ChoiceGroup id={controlIdOf('category')} legend={t('report.category')} error={errors.category}>
      {config.categories.map((category) => (
        <Choice
          key={category.id}
          name="category"
          id={`category-${category.id}`}
          checked={draft.category === category.id}
          onChange={() => update({ category: category.id })}
          label={category.name}
          help={category.description}
        />
      ))}
    </ChoiceGroup>
  );
}
