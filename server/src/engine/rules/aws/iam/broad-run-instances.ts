import { identityPolicies } from '../../../model/aws/iam';
import { actionsGranting, coversAllResources } from '../../../policy/document';
import { defineRule } from '../../rule';

export default defineRule({
  meta: {
    id: 'aws-iam-broad-run-instances',
    provider: 'aws',
    service: 'iam',
    severity: 'medium',
    title: 'IAM policy lets its holder launch any EC2 instance',
    explanation:
      'Who may launch instances is yours to decide. Allowing ec2:RunInstances on every resource without conditions lets the holder start any instance type from any AMI in any subnet (crypto-mining, data exfiltration from a public subnet) and, combined with iam:PassRole, run code as other roles.',
    resolution: 'Scope ec2:RunInstances to specific subnets, AMIs, launch templates or instance types (resource ARNs or conditions such as ec2:InstanceType, ec2:LaunchTemplate, aws:RequestedRegion).',
    links: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html', 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html'],
    responsibility: {
      layer: 'identity-access',
      resourceTypes: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role'],
    },
    controls: ['aws-fsbp:IAM.21'],
    equivalents: {},
    fixable: false,
    formats: ['terraform', 'cloudformation'],
    examples: {
      terraform: {
        bad: [{ code: 'resource "aws_iam_role_policy" "ci" {\n  role = "ci"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["ec2:*"], Resource = "*" }]\n  })\n}\n' }],
        good: [
          {
            code: 'resource "aws_iam_role_policy" "ci" {\n  role = "ci"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Action    = ["ec2:RunInstances"]\n      Resource  = "*"\n      Condition = { StringEquals = { "ec2:InstanceType" = ["t3.micro"] } }\n    }]\n  })\n}\n',
          },
        ],
      },
      cloudformation: {
        bad: [{ code: 'Resources:\n  Ci:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: ci\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: ec2:RunInstances\n            Resource: "*"\n' }],
        good: [{ code: 'Resources:\n  Ci:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: ci\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: ec2:RunInstances\n            Resource: arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0abc\n' }],
      },
    },
  },
  check(ctx) {
    for (const p of identityPolicies((k) => ctx.resources(k))) {
      for (const st of p.document.statements) {
        // NotAction with Allow is aws-iam-allow-not-action's finding.
        if (st.effect !== 'Allow' || st.condition || st.notActions.length > 0 || !coversAllResources(st)) continue;
        const granting = actionsGranting(st, 'ec2:RunInstances').filter((a) => a.value !== '*' && a.value !== '*:*');
        if (granting.length === 0) continue; // "*" alone is aws-iam-wildcard-admin's finding
        const a = granting[0]!;
        ctx.report({
          resource: p.resource,
          value: p.value,
          span: a.span ?? st.span ?? p.value.span,
          message: `"${a.value}" on every resource${a.value.toLowerCase() === 'ec2:runinstances' ? '' : ' includes ec2:RunInstances'}: instances can be launched without limits, with any instance type, AMI and subnet`,
        });
      }
    }
  },
});
