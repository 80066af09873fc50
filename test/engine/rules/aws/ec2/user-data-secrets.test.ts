import { ruleTester } from '../../../../helpers/rule-tester';

const inst = (ud: string) => `resource "aws_instance" "web" {\n  ami       = "ami-12345678"\n  user_data = ${ud}\n}\n`;
const heredoc = (body: string) => `<<-EOT\n    #!/bin/bash\n    ${body}\n  EOT`;
const cfn = (type: string, path: string, ud: string) => `Resources:\n  Web:\n    Type: ${type}\n    Properties:\n${path}${ud}\n`;

ruleTester('aws-ec2-user-data-secrets', {
  valid: [
    { format: 'terraform', code: inst(heredoc('yum -y install nginx')) },
    { name: 'a key id in a variable reference is not in the text', format: 'terraform', code: inst('var.user_data'), files: { 'v.tf': 'variable "user_data" {}\n' } },
    { name: 'the name alone is no secret', format: 'terraform', code: inst(heredoc('aws configure get aws_secret_access_key')) },
    { format: 'cloudformation', code: cfn('AWS::EC2::Instance', '      UserData:\n        Fn::Base64: ', '"#!/bin/bash\\nyum -y update"') },
    { name: 'unknown (Fn::Sub with a parameter without default)', format: 'cloudformation', code: 'Parameters:\n  Key:\n    Type: String\n' + cfn('AWS::EC2::Instance', '      UserData:\n        Fn::Base64: ', '!Sub "export KEY=${Key}"') },
  ],
  invalid: [
    { name: 'access key id in a heredoc', format: 'terraform', code: inst(heredoc('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE')), errors: [{ line: 3, column: 15, message: /an AWS access key id/, severity: 'critical' }], output: null },
    {
      name: 'secret key and private key',
      format: 'terraform',
      code: inst(heredoc('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n    echo "-----BEGIN RSA PRIVATE KEY-----" > /root/.ssh/id_rsa')),
      errors: [{ line: 3, message: /an AWS secret access key and a private key/ }],
    },
    {
      name: 'user_data_base64',
      format: 'terraform',
      code: `resource "aws_launch_configuration" "web" {\n  image_id         = "ami-1"\n  instance_type    = "t3.micro"\n  user_data_base64 = "${Buffer.from('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n').toString('base64')}"\n}\n`,
      errors: [{ line: 4, column: 22 }],
    },
    { name: 'already base64-encoded', format: 'terraform', code: inst(`"${Buffer.from('#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n').toString('base64')}"`), errors: [{ line: 3 }] },
    {
      name: 'launch template from a local',
      format: 'terraform',
      code: 'locals {\n  boot = "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"\n}\n\nresource "aws_launch_template" "web" {\n  user_data = base64encode(local.boot)\n}\n',
      errors: [{ line: 6, column: 15 }],
    },
    {
      name: 'CloudFormation launch configuration',
      format: 'cloudformation',
      code: cfn('AWS::AutoScaling::LaunchConfiguration', '      ImageId: ami-1\n      InstanceType: t3.micro\n      UserData:\n        Fn::Base64: ', '"export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"'),
      errors: [{ line: 8, column: 9 }],
    },
  ],
});
