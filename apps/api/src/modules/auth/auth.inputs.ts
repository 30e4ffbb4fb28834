import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class SignInInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@InputType({ description: 'A company registers itself and its first user (PARTICIPANT).' })
export class SignUpInput {
  @Field(() => String) email!: string;
  @Field(() => String, { description: 'At least 12 characters.' }) password!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { description: 'KBO/BCE enterprise number, any common notation.' })
  kboNumber!: string;
  @Field(() => String) organisationName!: string;
  @Field(() => Int) employeeCount!: number;
  @Field(() => String, { nullable: true }) municipality?: string | null;
  @Field(() => String, { nullable: true }) province?: string | null;
  @Field(() => String, { nullable: true }) naceCode?: string | null;
  @Field(() => Boolean) hasPreventionCommittee!: boolean;
  @Field(() => String, { nullable: true, description: 'Language of e-mail: nl (default) or en.' })
  language?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Referral code of the sign-up link (/aanmelden?via=<code>): the outreach channel becomes the ' +
      "company's first-touch channel. An unknown or revoked code is ignored (the sign-up goes on).",
  })
  via?: string | null;
}
